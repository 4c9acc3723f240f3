//! Any of several codes, as checkboxes in a fieldset. The data lists the codes in the order
//! offered; none ticked removes the entry, so `required` and `minItems` can name the field.

use bogen_core::FieldKind;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::frame::{error_message, group_class, hint, label_text, Parts};
use super::{is_optional, use_message, FieldProps};
use crate::participant::aside;
use crate::view::use_form;

#[function_component]
pub fn CheckboxesField(props: &FieldProps) -> Html {
    let form = use_form();
    let field = &props.node.field;
    let choices = match &field.kind {
        FieldKind::MultiChoice { choices } => choices.clone(),
        _ => Vec::new(),
    };
    let ticked = {
        let (form, pointer) = (form.clone(), props.pointer.clone());
        use_mut_ref(move || {
            form.with_value(&pointer, |v| {
                v.and_then(Value::as_array)
                    .map(|codes| codes.iter().filter_map(Value::as_str).map(str::to_owned).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        })
    };
    let message = use_message(&form, &props.pointer);
    let parts = Parts::new(form.ids.field(&props.pointer), field.help.is_some(), message.is_some());
    let onchange = {
        let (form, pointer, ticked, choices) = (form.clone(), props.pointer.clone(), ticked.clone(), choices.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let code = input.value();
            let value = {
                let mut ticked = ticked.borrow_mut();
                ticked.retain(|c| *c != code);
                if input.checked() {
                    ticked.push(code);
                }
                // Offered order first, then codes the data had that the form no longer offers.
                let mut ordered: Vec<String> =
                    choices.iter().filter(|c| ticked.contains(&c.code)).map(|c| c.code.clone()).collect();
                ordered.extend(ticked.iter().filter(|t| !choices.iter().any(|c| &c.code == *t)).cloned());
                *ticked = ordered.clone();
                (!ordered.is_empty()).then(|| Value::Array(ordered.into_iter().map(Value::String).collect()))
            };
            form.write(&pointer, value);
        })
    };
    let onblur = {
        let (form, pointer) = (form.clone(), props.pointer.clone());
        Callback::from(move |_: FocusEvent| form.blur(&pointer))
    };
    let ticked = ticked.borrow().clone();
    html! {
        <div class={group_class(&message)} part="field">
            <fieldset class="bogen-fieldset" aria-describedby={parts.describedby()}>
                <legend class="bogen-fieldset__legend">{ label_text(&form, &props.label, is_optional(&props.node)) }{ aside::label(&form, &field.key) }</legend>
                { hint(&parts, field.help.as_deref()) }{ aside::help(&form, &field.key) }
                { error_message(&form, &parts, &message) }
                <div class="bogen-checkboxes">
                    { for choices.iter().enumerate().map(|(i, c)| {
                        let id = if i == 0 { parts.id.clone() } else { format!("{}-{i}", parts.id) };
                        html! {
                            <div class="bogen-checkboxes__item">
                                <input class="bogen-checkboxes__input" type="checkbox" id={id.clone()} name={parts.id.clone()}
                                    value={c.code.clone()} checked={ticked.contains(&c.code)}
                                    aria-invalid={parts.invalid()} onchange={onchange.clone()} onblur={onblur.clone()} />
                                <label class="bogen-label bogen-checkboxes__label" part="label" for={id}>
                                    { c.label.clone() }{ aside::choice(&form, &field.key, &c.code) }
                                </label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}
