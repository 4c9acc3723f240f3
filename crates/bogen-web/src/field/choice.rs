//! One of several codes: a select, or radio buttons in a fieldset (`ui:widget: radio`).

use bogen_core::FieldKind;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::frame::{error_message, group_class, hint, label_text, Parts};
use super::{is_optional, use_message, FieldProps};
use crate::participant::aside;
use crate::view::use_form;

fn choices(props: &FieldProps) -> &[bogen_core::Choice] {
    match &props.node.field.kind {
        FieldKind::Choice { choices, .. } => choices,
        _ => &[],
    }
}

#[function_component]
pub fn SelectField(props: &FieldProps) -> Html {
    let form = use_form();
    let field = &props.node.field;
    let current = {
        let (form, pointer) = (form.clone(), props.pointer.clone());
        use_mut_ref(move || form.with_value(&pointer, |v| v.and_then(Value::as_str).map(str::to_owned)))
    };
    let message = use_message(&form, &props.pointer);
    let parts = Parts::new(form.ids.field(&props.pointer), field.help.is_some(), message.is_some());
    let onchange = {
        let (form, pointer, current) = (form.clone(), props.pointer.clone(), current.clone());
        Callback::from(move |e: Event| {
            let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) else { return };
            let code = select.value();
            let value = (!code.is_empty()).then(|| Value::String(code.clone()));
            *current.borrow_mut() = value.as_ref().map(|_| code);
            form.write(&pointer, value);
        })
    };
    let onblur = {
        let (form, pointer) = (form.clone(), props.pointer.clone());
        Callback::from(move |_: FocusEvent| form.blur(&pointer))
    };
    let current = current.borrow().clone();
    html! {
        <div class={group_class(&message)} part="field">
            <label class="bogen-label" part="label" for={parts.id.clone()}>{ label_text(&form, &props.label, is_optional(&props.node)) }{ aside::label(&form, &field.key) }</label>
            { hint(&parts, field.help.as_deref()) }{ aside::help(&form, &field.key) }
            { error_message(&form, &parts, &message) }
            <select class={classes!("bogen-select", message.is_some().then_some("bogen-select--error"))} part="input"
                id={parts.id.clone()} {onchange} {onblur}
                aria-describedby={parts.describedby()} aria-invalid={parts.invalid()}>
                <option value="" selected={current.is_none()}>{ form.ui("choice.none") }</option>
                { for choices(props).iter().map(|c| html! {
                    <option value={c.code.clone()} selected={current.as_deref() == Some(c.code.as_str())}>{ c.label.clone() }</option>
                }) }
            </select>
        </div>
    }
}

#[function_component]
pub fn RadioField(props: &FieldProps) -> Html {
    let form = use_form();
    let field = &props.node.field;
    let current = {
        let (form, pointer) = (form.clone(), props.pointer.clone());
        use_mut_ref(move || form.with_value(&pointer, |v| v.and_then(Value::as_str).map(str::to_owned)))
    };
    let message = use_message(&form, &props.pointer);
    let parts = Parts::new(form.ids.field(&props.pointer), field.help.is_some(), message.is_some());
    let onchange = {
        let (form, pointer, current) = (form.clone(), props.pointer.clone(), current.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let code = input.value();
            *current.borrow_mut() = Some(code.clone());
            form.write(&pointer, Some(Value::String(code)));
        })
    };
    let onblur = {
        let (form, pointer) = (form.clone(), props.pointer.clone());
        Callback::from(move |_: FocusEvent| form.blur(&pointer))
    };
    let current = current.borrow().clone();
    html! {
        <div class={group_class(&message)} part="field">
            <fieldset class="bogen-fieldset" aria-describedby={parts.describedby()}>
                <legend class="bogen-fieldset__legend">{ label_text(&form, &props.label, is_optional(&props.node)) }{ aside::label(&form, &field.key) }</legend>
                { hint(&parts, field.help.as_deref()) }{ aside::help(&form, &field.key) }
                { error_message(&form, &parts, &message) }
                <div class="bogen-radios">
                    { for choices(props).iter().enumerate().map(|(i, c)| {
                        let id = if i == 0 { parts.id.clone() } else { format!("{}-{i}", parts.id) };
                        html! {
                            <div class="bogen-radios__item">
                                <input class="bogen-radios__input" type="radio" id={id.clone()} name={parts.id.clone()}
                                    value={c.code.clone()} checked={current.as_deref() == Some(c.code.as_str())}
                                    aria-invalid={parts.invalid()} onchange={onchange.clone()} onblur={onblur.clone()} />
                                <label class="bogen-label bogen-radios__label" part="label" for={id}>
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
