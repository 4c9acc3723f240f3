//! The PIN dialog, for the case manager and in the working language: setting the PIN (entered
//! twice) before the handover, entering it to return.

use std::time::Duration;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::view::use_form;

#[derive(Clone, Copy, PartialEq)]
pub enum PromptKind {
    Set,
    Check,
}

#[derive(Properties, PartialEq)]
pub struct PromptProps {
    pub kind: PromptKind,
    pub title_id: AttrValue,
    /// What went wrong with the last entry.
    pub message: Option<AttrValue>,
    /// The PIN entered (and its repetition when setting).
    pub on_enter: Callback<(String, String)>,
    pub on_cancel: Callback<()>,
    /// No entry before this time (ms since 1970).
    pub wait_until: Option<f64>,
    /// Told when the wait is over.
    #[prop_or_default]
    pub on_wait_over: Callback<()>,
}

#[function_component]
pub fn PinPrompt(props: &PromptProps) -> Html {
    let form = use_form();
    let first = use_node_ref();
    let second = use_node_ref();
    {
        let on_wait_over = props.on_wait_over.clone();
        use_effect_with(props.wait_until.map(|t| t as u64), move |until| {
            if let Some(until) = *until {
                let left = (until as f64 - js_sys::Date::now()).max(0.0);
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(Duration::from_millis(left as u64 + 50)).await;
                    on_wait_over.emit(());
                });
            }
        });
    }
    let waiting = props.wait_until.is_some();
    let id = |part: &str| form.ids.part(&format!("handover-pin-{part}"));
    let onsubmit = {
        let (first, second, on_enter) = (first.clone(), second.clone(), props.on_enter.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let take = |node: &NodeRef| {
                node.cast::<HtmlInputElement>().map_or_else(String::new, |input| {
                    let value = input.value();
                    input.set_value("");
                    value
                })
            };
            let entered = (take(&first), take(&second));
            on_enter.emit(entered);
            if let Some(input) = first.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let setting = props.kind == PromptKind::Set;
    let described = if props.message.is_some() { format!("{} {}", id("hint"), id("error")) } else { id("hint") };
    let input = |node: &NodeRef, part: &str, label: &str| {
        html! {
            <div class="bogen-form-group">
                <label class="bogen-label" for={id(part)}>{ form.ui(label) }</label>
                <input class="bogen-input bogen-input--width-10" type="password" inputmode="numeric" autocomplete="off"
                    id={id(part)} ref={node.clone()} disabled={waiting} aria-describedby={described.clone()}
                    aria-invalid={props.message.as_ref().map(|_| "true")} />
            </div>
        }
    };
    html! {
        <form class="bogen-handover__pin" novalidate=true {onsubmit}>
            <h2 class="bogen-handover__title" id={props.title_id.clone()}>
                { form.ui(if setting { "handover.pin.setTitle" } else { "handover.pin.checkTitle" }) }
            </h2>
            <p class="bogen-hint" id={id("hint")}>
                { form.ui(if setting { "handover.pin.setIntro" } else { "handover.pin.checkIntro" }) }
            </p>
            if let Some(message) = &props.message {
                <p class="bogen-error-message" id={id("error")} role="alert">
                    <span class="bogen-visually-hidden">{ form.ui("errorPrefix") }{ " " }</span>
                    { message.clone() }
                </p>
            }
            { input(&first, "first", "handover.pin.label") }
            if setting {
                { input(&second, "second", "handover.pin.repeat") }
            }
            <div class="bogen-handover__actions">
                <button type="submit" class="bogen-button" disabled={waiting}>
                    { form.ui(if setting { "handover.pin.start" } else { "handover.pin.confirm" }) }
                </button>
                <button type="button" class="bogen-button bogen-button--secondary" onclick={cancel}>
                    { form.ui("handover.cancel") }
                </button>
            </div>
        </form>
    }
}
