//! Signing: the signatures a form asks for (`ui:signatures`), each drawn on a pad or typed
//! with an explicit confirmation. A signature covers the digest of the data at signing, so it
//! lives in the record envelope beside the data; changing the data afterwards shows, at the
//! signature and in the status, that it no longer covers what is there.

pub mod ink;
pub mod pad;
mod slot;

use std::collections::HashSet;

use bogen_core::{canonical, Mark, Record, Signature, SignatureSlot};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::events;
use crate::state::{self, Form, Status};
use crate::view::use_form;
pub use slot::role_label;
use slot::SlotView;

/// The form's signatures, after its fields.
#[function_component]
pub fn Signatures() -> Html {
    let form = use_form();
    let update = use_force_update();
    {
        // Every change of the data may end what a signature covers.
        let (element, update) = (form.element.clone(), update.clone());
        use_effect_with((), move |_| {
            let changed = Closure::<dyn Fn()>::new(move || update.force_update());
            let _ = element.add_event_listener_with_callback(events::CHANGE, changed.as_ref().unchecked_ref());
            move || {
                let _ = element.remove_event_listener_with_callback(events::CHANGE, changed.as_ref().unchecked_ref());
            }
        });
    }
    let signed = !form.signatures.borrow().is_empty();
    let current = signed.then(|| AttrValue::from(canonical::digest(&form.data())));
    let stale: HashSet<String> = form
        .signatures
        .borrow()
        .iter()
        .filter(|s| current.as_deref() != Some(s.data_hash.as_str()))
        .map(|s| s.role.clone())
        .collect();
    // Signatures already stale when the block appears (a loaded record) were told by the
    // import notice; the status speaks only of those that become stale while it is shown.
    let known_stale = {
        let stale = stale.clone();
        use_mut_ref(move || stale)
    };
    {
        let form = form.clone();
        use_effect(move || {
            let newly: Vec<String> = {
                let known = known_stale.borrow();
                let roles = form.bundle.signatures.iter().map(|slot| &slot.role);
                roles
                    .filter(|r| stale.contains(*r) && !known.contains(*r))
                    .map(|r| role_label(&form, r).to_string())
                    .collect()
            };
            if !newly.is_empty() {
                let text = form.ui_fill("signature.status.stale", &[("role", &newly.join(", "))]);
                form.set_status(Some(Status { text, error: true }));
            }
            *known_stale.borrow_mut() = stale;
        });
    }
    if form.bundle.signatures.is_empty() {
        return html! {};
    }
    let on_change = Callback::from(move |_| update.force_update());
    let heading = form.ids.part("signatures");
    html! {
        <section class="bogen-section bogen-signatures" aria-labelledby={heading.clone()}>
            <h2 class="bogen-heading" id={heading}>{ form.ui("signature.heading") }</h2>
            { for form.bundle.signatures.iter().map(|slot| html! {
                <SlotView key={slot.role.clone()} slot={slot.clone()} current={current.clone()}
                    on_change={on_change.clone()} />
            }) }
        </section>
    }
}

/// What a person loading `record` should know about its signatures: each one made on other
/// data than the record holds no longer covers it.
pub fn stale_notices(form: &Form, record: &Record) -> Vec<AttrValue> {
    record
        .signatures
        .iter()
        .filter(|s| !s.covers(&record.data))
        .map(|s| form.ui_fill("record.notice.signatureStale", &[("role", &role_label(form, &s.role))]))
        .collect()
}

/// Keeps a signature made now over the data as it is (replacing an earlier one of the same
/// role), says so in the status and tells the host (`bogen-signed`).
pub fn record(form: &Form, slot: &SignatureSlot, name: String, place: String, mark: Mark) {
    let data = form.data();
    let signature = Signature {
        role: slot.role.clone(),
        name,
        place,
        signed_at: state::now(),
        mark,
        data_hash: canonical::digest(&data),
        text_version: slot.text_version(&data),
    };
    {
        let mut signatures = form.signatures.borrow_mut();
        signatures.retain(|s| s.role != slot.role);
        signatures.push(signature);
    }
    let role = role_label(form, &slot.role);
    form.set_status(Some(Status { text: form.ui_fill("signature.status.signed", &[("role", &role)]), error: false }));
    let record = form.record().to_json();
    let detail =
        events::detail(&[("role", wasm_bindgen::JsValue::from_str(&slot.role)), ("record", events::json(&record))]);
    events::dispatch(&form.element, events::SIGNED, &detail);
}
