//! Text, textarea, number and date: one text input each. The input owns what it shows; the
//! component only re-renders when the field's message changes.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::convert::{self, Kind};
use super::frame::{error_message, group_class, hint, label_text, Parts};
use super::{is_optional, use_message, FieldProps};
use crate::participant::aside;
use crate::view::use_form;

#[function_component]
pub fn TextField(props: &FieldProps) -> Html {
    let form = use_form();
    let field = &props.node.field;
    let kind = Kind::of(&field.kind);
    let decimal: AttrValue = form.ui_opt("number.decimalSeparator").unwrap_or(".").to_owned().into();
    let text = {
        let (form, pointer, kind, decimal) = (form.clone(), props.pointer.clone(), kind.clone(), decimal.clone());
        use_mut_ref(move || form.with_value(&pointer, |v| convert::show(&kind, v, &decimal)))
    };
    let message = use_message(&form, &props.pointer);

    let hint_text = match (&kind, &field.help) {
        (Kind::Date, Some(help)) => Some(format!("{help} {}", form.ui("date.hint"))),
        (Kind::Date, None) => Some(form.ui("date.hint").to_string()),
        (_, help) => help.clone(),
    };
    let parts = Parts::new(form.ids.field(&props.pointer), hint_text.is_some(), message.is_some());
    let oninput = {
        let (form, pointer, text, kind) = (form.clone(), props.pointer.clone(), text.clone(), kind.clone());
        Callback::from(move |e: InputEvent| {
            let Some(value) = value_of(&e) else { return };
            let parsed = convert::parse(&kind, &value, &decimal);
            *text.borrow_mut() = value;
            form.write(&pointer, parsed);
        })
    };
    let onblur = {
        let (form, pointer) = (form.clone(), props.pointer.clone());
        Callback::from(move |_: FocusEvent| form.blur(&pointer))
    };
    let value = text.borrow().clone();
    let error_class = message.is_some().then_some("bogen-input--error");
    let placeholder = field.placeholder.clone();
    let autocomplete = props.node.autocomplete.clone();
    // A short answer (a postcode) gets a short input: its width hints at what to type.
    let short = matches!(field.kind, bogen_core::FieldKind::Text { max_length: Some(max), .. } if max <= 10);
    let control = match &kind {
        Kind::Textarea { rows } => html! {
            <textarea class={classes!("bogen-textarea", error_class)} part="input" id={parts.id.clone()} rows={rows.to_string()}
                {value} {oninput} {onblur} {placeholder} {autocomplete} dir="auto"
                aria-describedby={parts.describedby()} aria-invalid={parts.invalid()} />
        },
        _ => {
            // What people type runs in its own direction: a Latin name stays readable in an Arabic
            // form (`auto`), digits of dates and numbers always run left to right.
            let dir = if matches!(kind, Kind::Text { .. }) { "auto" } else { "ltr" };
            let (input_type, inputmode, width) = match &kind {
                Kind::Number { integer: true } => ("text", Some("numeric"), Some("bogen-input--width-10")),
                Kind::Number { integer: false } => ("text", Some("decimal"), Some("bogen-input--width-10")),
                Kind::Date => ("text", None, Some("bogen-input--width-10")),
                Kind::Text { input_type } => (input_type.as_str(), None, short.then_some("bogen-input--width-10")),
                Kind::Textarea { .. } => ("text", None, None),
            };
            html! {
                <input class={classes!("bogen-input", width, error_class)} part="input" id={parts.id.clone()}
                    type={input_type.to_owned()} inputmode={inputmode} spellcheck={(input_type != "text").then_some("false")}
                    {value} {oninput} {onblur} {placeholder} {autocomplete} {dir}
                    aria-describedby={parts.describedby()} aria-invalid={parts.invalid()} />
            }
        }
    };
    html! {
        <div class={group_class(&message)} part="field">
            <label class="bogen-label" part="label" for={parts.id.clone()}>{ label_text(&form, &props.label, is_optional(&props.node)) }{ aside::label(&form, &field.key) }</label>
            { hint(&parts, hint_text.as_deref()) }
            { aside::help(&form, &field.key) }
            { error_message(&form, &parts, &message) }
            { control }
        </div>
    }
}

fn value_of(e: &InputEvent) -> Option<String> {
    let target = e.target()?;
    match target.dyn_into::<HtmlInputElement>() {
        Ok(input) => Some(input.value()),
        Err(target) => target.dyn_into::<HtmlTextAreaElement>().ok().map(|t| t.value()),
    }
}
