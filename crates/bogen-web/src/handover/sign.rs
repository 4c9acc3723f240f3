//! The participant signs in the handover view: the same pad as in the form, its texts in the
//! participant's language; the name and place are those the case manager entered.

use std::rc::Rc;

use bogen_core::{Mark, SignatureSlot, Texts};
use yew::prelude::*;

use crate::signature::ink::{self, Shortfall};
use crate::signature::pad::{Drawing, Pad, SharedDrawing};
use crate::view::use_form;

#[derive(Properties, PartialEq)]
pub struct SignProps {
    pub slot: SignatureSlot,
    pub texts: Rc<Texts>,
    /// Id of the section's heading.
    pub heading: AttrValue,
}

#[function_component]
pub fn ParticipantSign(props: &SignProps) -> Html {
    let form = use_form();
    let drawing = use_state(SharedDrawing::default);
    let error = use_state(|| None::<AttrValue>);
    let update = use_force_update();
    let t = |key: &str| AttrValue::from(props.texts.ui(key).to_owned());
    let role = props.texts.ui(&format!("signature.role.{}", props.slot.role)).to_owned();
    let signature = form.signatures.borrow().iter().find(|s| s.role == props.slot.role).cloned();
    let id = |part: &str| form.ids.part(&format!("handover-{part}"));

    if let Some(signature) = signature {
        let preview = match &signature.mark {
            Mark::Drawn { width, height, strokes } => {
                let drawing = SharedDrawing::new(Drawing { width: *width, height: *height, strokes: strokes.clone() });
                html! { <Pad {drawing} readonly=true texts={props.texts.clone()}
                label={AttrValue::from(bogen_core::texts::fill(props.texts.ui("signature.pad"), &[("role", &role)]))} /> }
            }
            Mark::Typed { typed_name, .. } => {
                html! { <p class="bogen-signature__typed" dir="auto">{ typed_name.clone() }</p> }
            }
        };
        return html! {
            <section class="bogen-handover__sign" aria-labelledby={props.heading.clone()}>
                <h3 class="bogen-handover__heading" id={props.heading.clone()}>{ t("handover.sign.heading") }</h3>
                { preview }
                <p class="bogen-handover__done" role="status">{ t("handover.signed") }</p>
            </section>
        };
    }

    let data = form.data();
    let name = props.slot.suggested_name(&data);
    let place = props.slot.suggested_place(&data);
    let sign = {
        let (form, slot, drawing, error, update, texts) =
            (form.clone(), props.slot.clone(), drawing.clone(), error.clone(), update.clone(), props.texts.clone());
        let name = name.clone();
        Callback::from(move |_: MouseEvent| {
            let d = drawing.0.borrow().clone();
            let problem = match ink::judge(&d.strokes, d.width, d.height) {
                _ if name.is_empty() => Some("handover.sign.noName"),
                Ok(()) => None,
                Err(Shortfall::Empty) => Some("signature.error.empty"),
                Err(Shortfall::TooLittle) => Some("signature.error.tooLittle"),
            };
            if let Some(key) = problem {
                let message = AttrValue::from(texts.ui(key).to_owned());
                form.announce(message.clone());
                error.set(Some(message));
                return;
            }
            let mark = Mark::Drawn { width: d.width, height: d.height, strokes: d.strokes };
            crate::signature::record(&form, &slot, name.clone(), place.clone(), mark);
            update.force_update();
        })
    };
    let on_pad = {
        let error = error.clone();
        Callback::from(move |_| error.set(None))
    };
    let error_id = id("sign-error");
    html! {
        <section class="bogen-handover__sign" aria-labelledby={props.heading.clone()}>
            <h3 class="bogen-handover__heading" id={props.heading.clone()}>{ t("handover.sign.heading") }</h3>
            if !name.is_empty() {
                <p class="bogen-handover__signer">
                    { t("handover.sign.name") }{ " " }<bdi>{ name.clone() }</bdi>
                </p>
            }
            <p class="bogen-hint" id={id("pad-hint")}>{ t("signature.pad.hint") }</p>
            if let Some(message) = &*error {
                <p class="bogen-error-message" id={error_id.clone()}>
                    <span class="bogen-visually-hidden">{ t("errorPrefix") }{ " " }</span>
                    { message.clone() }
                </p>
            }
            <Pad drawing={(*drawing).clone()} texts={props.texts.clone()} on_change={on_pad}
                label={AttrValue::from(bogen_core::texts::fill(props.texts.ui("signature.pad"), &[("role", &role)]))}
                describedby={Some(AttrValue::from(if error.is_some() { format!("{} {error_id}", id("pad-hint")) } else { id("pad-hint") }))} />
            <button type="button" class="bogen-button bogen-handover__sign-button" onclick={sign}>{ t("signature.sign") }</button>
        </section>
    }
}
