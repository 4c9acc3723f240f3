//! Handing the tablet to the participant. The case manager sets a PIN (kept in memory as a
//! salted digest), then the whole of the form's element shows a large-type summary in the
//! participant's language and the participant's signature pad, and nothing else: the rest of
//! the form is `inert`, Tab stays inside, Escape does nothing, leaving the page asks first.
//! Only the PIN leads back to the case manager's view, with the signature in the record.
//!
//! The overlay lives inside the form's element (`position: fixed`), so it works the same in a
//! shadow root; lookups go through the element's root node, never `document`.

mod pin;
mod prompt;
mod sign;
mod summary;
mod trap;

use bogen_core::texts::is_right_to_left;
use yew::prelude::*;

use crate::participant::Participant;
use crate::state::Status;
use crate::view::use_form;
use pin::{Pin, SetError, Verdict};
use prompt::{PinPrompt, PromptKind};
use sign::ParticipantSign;

/// Asks the form's `Handover` to start (dispatched on the form's element by the toolbar).
pub const START: &str = "bogen-handover-start";

/// The role of the participant's signature in `ui:signatures`: forms asking for it offer the
/// handover.
pub const ROLE: &str = "teilnehmende";

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Off,
    /// The case manager sets the PIN.
    Setup,
    /// The participant reads and signs.
    Participant,
    /// The case manager enters the PIN to return.
    Return,
}

#[function_component]
pub fn Handover() -> Html {
    let form = use_form();
    let phase = use_state_eq(|| Phase::Off);
    let pin = use_mut_ref(|| None::<Pin>);
    let message = use_state(|| None::<AttrValue>);
    let overlay = use_node_ref();
    {
        let (element, phase, message) = (form.element.clone(), phase.clone(), message.clone());
        use_effect_with((), move |_| {
            let start = trap::listen(&element, START, move || {
                message.set(None);
                phase.set(Phase::Setup);
            });
            move || drop(start)
        });
    }
    {
        let overlay = overlay.clone();
        use_effect_with(*phase, move |phase| {
            let active = *phase != Phase::Off;
            let guard = active.then(trap::guard_unload);
            trap::make_rest_inert(&overlay, active);
            trap::focus_first(&overlay);
            move || drop(guard)
        });
    }
    if *phase == Phase::Off {
        return html! { <div class="bogen-handover-anchor" ref={overlay} hidden=true></div> };
    }
    let onkeydown = {
        let overlay = overlay.clone();
        Callback::from(move |e: KeyboardEvent| trap::keep_focus(&overlay, &e))
    };
    let working = form.bundle.texts.lang.clone();
    let title_id = form.ids.part("handover-title");
    let body = match *phase {
        Phase::Setup => {
            let on_enter = {
                let (form, phase, pin, message) = (form.clone(), phase.clone(), pin.clone(), message.clone());
                let element = form.element.clone();
                Callback::from(move |(first, second): (String, String)| match Pin::set(&first, &second, trap::salt()) {
                    Ok(set) => {
                        *pin.borrow_mut() = Some(set);
                        message.set(None);
                        trap::fullscreen(&element);
                        phase.set(Phase::Participant);
                    }
                    Err(SetError::Shape) => message.set(Some(form.ui("handover.pin.shape"))),
                    Err(SetError::Mismatch) => message.set(Some(form.ui("handover.pin.mismatch"))),
                })
            };
            let on_cancel = {
                let (phase, message) = (phase.clone(), message.clone());
                Callback::from(move |_| {
                    message.set(None);
                    phase.set(Phase::Off);
                })
            };
            html! {
                <PinPrompt kind={PromptKind::Set} title_id={title_id.clone()} message={(*message).clone()}
                    {on_enter} {on_cancel} wait_until={None::<f64>} />
            }
        }
        Phase::Return => {
            let wait_until = match *message {
                Some(_) => pin.borrow().as_ref().and_then(|p| p.waiting(js_sys::Date::now())),
                None => None,
            };
            let on_enter = {
                let (form, phase, pin, message) = (form.clone(), phase.clone(), pin.clone(), message.clone());
                Callback::from(move |(attempt, _): (String, String)| {
                    let verdict = match pin.borrow_mut().as_mut() {
                        Some(pin) => pin.check(&attempt, js_sys::Date::now()),
                        None => Verdict::Right,
                    };
                    match verdict {
                        Verdict::Right => {
                            *pin.borrow_mut() = None;
                            message.set(None);
                            trap::leave_fullscreen(&form.element);
                            form.set_status(Some(Status { text: form.ui("handover.returned"), error: false }));
                            phase.set(Phase::Off);
                        }
                        Verdict::Wrong { left } => {
                            let left = left.to_string();
                            message.set(Some(form.ui_fill("handover.pin.wrong", &[("left", &left)])));
                        }
                        Verdict::Wait { until } => {
                            let seconds = ((until - js_sys::Date::now()) / 1000.0).ceil().max(1.0).to_string();
                            message.set(Some(form.ui_fill("handover.pin.wait", &[("seconds", &seconds)])));
                        }
                    }
                })
            };
            let on_cancel = {
                let (phase, message) = (phase.clone(), message.clone());
                Callback::from(move |_| {
                    message.set(None);
                    phase.set(Phase::Participant);
                })
            };
            let on_wait_over = {
                let message = message.clone();
                Callback::from(move |_| message.set(None))
            };
            html! {
                <PinPrompt kind={PromptKind::Check} title_id={title_id.clone()} message={(*message).clone()}
                    {on_enter} {on_cancel} {wait_until} {on_wait_over} />
            }
        }
        _ => {
            let participant =
                form.participant.get().unwrap_or_else(|| std::rc::Rc::new(Participant::working(&form.bundle)));
            let texts = participant.texts.clone();
            let t = |key: &str| texts.ui(key).to_owned();
            let back = {
                let (phase, message) = (phase.clone(), message.clone());
                Callback::from(move |_: MouseEvent| {
                    message.set(None);
                    phase.set(Phase::Return);
                })
            };
            let slot = form.bundle.signatures.iter().find(|s| s.role == ROLE).cloned();
            let title = texts.form.title.clone().unwrap_or_else(|| form.bundle.title().to_owned());
            let dir = if is_right_to_left(&texts.lang) { "rtl" } else { "ltr" };
            return html! {
                <div class="bogen-handover" ref={overlay} role="dialog" aria-modal="true" aria-labelledby={title_id.clone()}
                    lang={texts.lang.clone()} {dir} {onkeydown}>
                    <div class="bogen-handover__page">
                        <h2 class="bogen-handover__title" id={title_id}>{ title }</h2>
                        if let Some(description) = &texts.form.description {
                            <p class="bogen-handover__description">{ description.clone() }</p>
                        }
                        <p class="bogen-handover__lead">{ t("handover.intro") }</p>
                        if !texts.reviewed {
                            <p class="bogen-notice">{ t("unreviewed") }</p>
                        }
                        { summary::summary(&participant.root, &texts, &form.data()) }
                        if let Some(slot) = slot {
                            <ParticipantSign {slot} texts={texts.clone()} heading={form.ids.part("handover-sign")} />
                        }
                        <div class="bogen-handover__back">
                            <button type="button" class="bogen-button bogen-button--secondary" onclick={back}>
                                { t("handover.back") }
                            </button>
                        </div>
                    </div>
                </div>
            };
        }
    };
    html! {
        <div class="bogen-handover bogen-handover--pin" ref={overlay} role="dialog" aria-modal="true"
            aria-labelledby={title_id} lang={working.clone()} dir={if is_right_to_left(&working) { "rtl" } else { "ltr" }}
            {onkeydown}>
            { body }
        </div>
    }
}
