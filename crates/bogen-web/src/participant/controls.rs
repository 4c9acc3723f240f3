//! The case manager's controls for the participant: which language they read, whether the form
//! shows it beneath the German texts (mixed mode), and handing the tablet over.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::events;
use crate::handover;
use crate::state::Form;
use crate::view::{focus, use_form};

/// Asks `bogen.js` for the texts of a language (`detail.lang`, empty for none).
pub const REQUEST: &str = "bogen-participant-request";

/// The languages a participant may read, named in themselves (`language.<code>`).
const LANGUAGES: [&str; 9] = ["de", "en", "ar", "fa", "uk", "ru", "tr", "ro", "bg"];

#[function_component]
pub fn ParticipantControls() -> Html {
    let form = use_form();
    let current = form.participant.get().map(|p| p.lang().to_owned());
    let picker_id = form.ids.part("participant-lang");
    let mixed_id = form.ids.part("participant-mixed");
    let start_id = form.ids.part("handover-start");
    let pick = {
        let (form, picker_id) = (form.clone(), picker_id.clone());
        Callback::from(move |e: Event| {
            let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) else { return };
            *form.participant.refocus.borrow_mut() = Some(picker_id.clone());
            request(&form, &select.value());
        })
    };
    let toggle = {
        let (form, mixed_id) = (form.clone(), mixed_id.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            *form.participant.refocus.borrow_mut() = Some(mixed_id.clone());
            form.participant.set_mixed(input.checked());
            form.rerender();
        })
    };
    let hand_over = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| events::dispatch(&form.element, handover::START, &JsValue::NULL))
    };
    {
        // Rendered anew after a change of language or mode: focus goes back where it was.
        let form = form.clone();
        use_effect_with((), move |_| {
            let wanted = form.participant.refocus.borrow_mut().take();
            if let Some(id) = wanted {
                focus::id(&form, &id);
            }
        });
    }
    let offers_handover = form.bundle.signatures.iter().any(|s| s.role == handover::ROLE);
    html! {
        <div class="bogen-toolbar bogen-toolbar--participant">
            <div class="bogen-toolbar__field">
                <label class="bogen-label" for={picker_id.clone()}>{ form.ui("participant.language") }</label>
                <select class="bogen-select" id={picker_id} onchange={pick}>
                    <option value="" selected={current.is_none()}>{ form.ui("participant.none") }</option>
                    { for LANGUAGES.iter().map(|code| html! {
                        <option value={*code} lang={*code} selected={current.as_deref() == Some(*code)}>
                            { form.ui(&format!("language.{code}")) }
                        </option>
                    }) }
                </select>
            </div>
            if current.is_some() {
                <div class="bogen-checkboxes__item bogen-toolbar__field">
                    <input class="bogen-checkboxes__input" type="checkbox" id={mixed_id.clone()}
                        checked={form.participant.is_mixed()} onchange={toggle} />
                    <label class="bogen-label bogen-checkboxes__label" for={mixed_id}>{ form.ui("participant.mixed") }</label>
                </div>
            }
            if offers_handover {
                <button type="button" class="bogen-button" id={start_id} onclick={hand_over}>{ form.ui("handover.start") }</button>
            }
        </div>
    }
}

/// Asks the host's `bogen.js` for the language's texts; it answers with `setParticipant`.
fn request(form: &Form, lang: &str) {
    if lang.is_empty() {
        form.participant.set(None);
        form.rerender();
        return;
    }
    let detail = events::detail(&[("lang", JsValue::from_str(lang))]);
    events::dispatch(&form.element, REQUEST, &detail);
}
