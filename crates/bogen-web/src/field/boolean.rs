//! Yes or no as one checkbox. Unticked is `false`, except where the field is required: there
//! unticked means "not yet confirmed" (a consent), the entry is removed and `required` says so.

use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::frame::{error_message, group_class, Parts};
use super::{use_message, FieldProps};
use crate::participant::aside;
use crate::view::use_form;

#[function_component]
pub fn BooleanField(props: &FieldProps) -> Html {
    let form = use_form();
    let field = &props.node.field;
    let checked = {
        let (form, pointer) = (form.clone(), props.pointer.clone());
        use_mut_ref(move || form.with_value(&pointer, |v| v.and_then(Value::as_bool).unwrap_or(false)))
    };
    let message = use_message(&form, &props.pointer);
    let parts = Parts::new(form.ids.field(&props.pointer), field.help.is_some(), message.is_some());
    let onchange = {
        let (form, pointer, checked, required) = (form.clone(), props.pointer.clone(), checked.clone(), field.required);
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let on = input.checked();
            *checked.borrow_mut() = on;
            let value = if on || !required { Some(Value::Bool(on)) } else { None };
            form.write(&pointer, value);
        })
    };
    let onblur = {
        let (form, pointer) = (form.clone(), props.pointer.clone());
        Callback::from(move |_: FocusEvent| form.blur(&pointer))
    };
    let checked = *checked.borrow();
    html! {
        <div class={group_class(&message)} part="field">
            { error_message(&form, &parts, &message) }
            <div class="bogen-checkboxes__item">
                <input class="bogen-checkboxes__input" type="checkbox" id={parts.id.clone()} {checked} {onchange} {onblur}
                    aria-describedby={parts.describedby()} aria-invalid={parts.invalid()} />
                <label class="bogen-label bogen-checkboxes__label" part="label" for={parts.id.clone()}>
                    { props.label.clone() }{ aside::label(&form, &field.key) }
                </label>
                if let (Some(id), Some(help)) = (&parts.hint, &field.help) {
                    <div class="bogen-hint bogen-checkboxes__hint" id={id.clone()}>{ help.clone() }</div>
                }
                { aside::help(&form, &field.key) }
            </div>
        </div>
    }
}
