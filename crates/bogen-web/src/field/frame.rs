//! The parts every field shares (GOV.UK form group): label, hint, message, and the
//! `aria-describedby` that ties hint and message to the input.

use yew::prelude::*;

use crate::state::Form;

/// Ids of the parts around an input.
pub struct Parts {
    pub id: String,
    pub hint: Option<String>,
    pub error: Option<String>,
}

impl Parts {
    pub fn new(id: String, has_hint: bool, has_error: bool) -> Parts {
        let hint = has_hint.then(|| format!("{id}-hint"));
        let error = has_error.then(|| format!("{id}-error"));
        Parts { id, hint, error }
    }

    pub fn describedby(&self) -> Option<AttrValue> {
        match (&self.hint, &self.error) {
            (Some(h), Some(e)) => Some(format!("{h} {e}").into()),
            (Some(one), None) | (None, Some(one)) => Some(one.clone().into()),
            (None, None) => None,
        }
    }

    pub fn invalid(&self) -> Option<AttrValue> {
        self.error.as_ref().map(|_| AttrValue::Static("true"))
    }
}

/// The label's text with "(optional)" after it where the field may stay empty.
pub fn label_text(form: &Form, label: &AttrValue, optional: bool) -> Html {
    html! {
        <>
            { label.clone() }
            if optional {
                <span class="bogen-optional">{ " " }{ form.ui("optional") }</span>
            }
        </>
    }
}

pub fn hint(parts: &Parts, text: Option<&str>) -> Html {
    match (&parts.hint, text) {
        (Some(id), Some(text)) => html! { <div class="bogen-hint" id={id.clone()}>{ text.to_owned() }</div> },
        _ => html! {},
    }
}

pub fn error_message(form: &Form, parts: &Parts, message: &Option<AttrValue>) -> Html {
    match (&parts.error, message) {
        (Some(id), Some(message)) => html! {
            <p class="bogen-error-message" id={id.clone()}>
                <span class="bogen-visually-hidden">{ form.ui("errorPrefix") }{ " " }</span>
                { message.clone() }
            </p>
        },
        _ => html! {},
    }
}

pub fn group_class(message: &Option<AttrValue>) -> Classes {
    classes!("bogen-form-group", message.is_some().then_some("bogen-form-group--error"))
}
