//! The participant's wording beneath the German one in mixed mode: marked with its own `lang`
//! and `dir`, so screen readers speak it in the right voice and Arabic runs right to left inside
//! a German form.

use yew::prelude::*;

use super::Participant;
use crate::state::Form;

fn text(participant: &Participant, text: Option<&str>) -> Html {
    match text {
        Some(text) if !text.is_empty() => html! {
            <span class="bogen-participant" lang={participant.lang().to_owned()} dir={participant.dir()}>
                { text.to_owned() }
            </span>
        },
        _ => html! {},
    }
}

/// The field's label in the participant's language.
pub fn label(form: &Form, key: &str) -> Html {
    match form.participant.beside(&form.lang) {
        Some(p) => text(&p, p.label(key)),
        None => html! {},
    }
}

/// The field's help text in the participant's language, beneath the German one.
pub fn help(form: &Form, key: &str) -> Html {
    match form.participant.beside(&form.lang) {
        Some(p) => match p.help(key) {
            Some(help) => html! {
                <div class="bogen-hint bogen-participant" lang={p.lang().to_owned()} dir={p.dir()}>{ help.to_owned() }</div>
            },
            None => html! {},
        },
        None => html! {},
    }
}

/// A choice's label in the participant's language.
pub fn choice(form: &Form, key: &str, code: &str) -> Html {
    match form.participant.beside(&form.lang) {
        Some(p) => text(&p, p.choice(key, code)),
        None => html! {},
    }
}
