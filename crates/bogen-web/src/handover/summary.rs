//! What the participant reads before signing: every answered field of the form, label and value
//! in the participant's language, as text (no controls). Choices show their translated labels,
//! dates and numbers the language's way; typed values run in their own direction (`dir="auto"`),
//! so a Latin name stays readable in Arabic text.

use bogen_core::{path, Field, FieldKind, Texts};
use serde_json::Value;
use yew::prelude::*;

use crate::intl;

/// The summary of `data` laid out by `root` (the form in the reader's language).
pub fn summary(root: &Field, texts: &Texts, data: &Value) -> Html {
    html! { <>{ for root.children().iter().map(|f| field(f, texts, path::join("", &f.name), data, 2)) }</> }
}

fn field(field: &Field, texts: &Texts, pointer: String, data: &Value, level: u8) -> Html {
    let value = path::get(data, &pointer);
    match &field.kind {
        FieldKind::Group { fields } => {
            let inner: Vec<Html> =
                fields.iter().map(|f| self::field(f, texts, path::join(&pointer, &f.name), data, level + 1)).collect();
            html! {
                <section class="bogen-handover__group">
                    { heading(level, &field.label) }
                    { help(field) }
                    <dl class="bogen-handover__list">{ for inner }</dl>
                </section>
            }
        }
        FieldKind::List { item, .. } => {
            let items = value.and_then(Value::as_array).map_or(0, Vec::len);
            if items == 0 {
                return html! {};
            }
            html! {
                <section class="bogen-handover__group">
                    { heading(level, &field.label) }
                    { for (0..items).map(|i| {
                        let label = bogen_core::texts::fill(
                            texts.ui("list.itemLabel"),
                            &[("label", item_label(item, texts)), ("number", &(i + 1).to_string())],
                        );
                        let at = format!("{pointer}/{i}");
                        let inner = match &item.kind {
                            FieldKind::Group { fields } => fields
                                .iter()
                                .map(|f| self::field(f, texts, path::join(&at, &f.name), data, level + 2))
                                .collect::<Vec<_>>(),
                            _ => vec![leaf(item, &label, texts, path::get(data, &at))],
                        };
                        html! {
                            <section class="bogen-handover__group">
                                { heading(level + 1, &label) }
                                <dl class="bogen-handover__list">{ for inner }</dl>
                            </section>
                        }
                    }) }
                </section>
            }
        }
        _ => leaf(field, &field.label, texts, value),
    }
}

fn item_label<'a>(item: &'a Field, texts: &'a Texts) -> &'a str {
    if item.label.is_empty() {
        texts.ui("list.item")
    } else {
        &item.label
    }
}

/// One answered field as a term and its value; nothing for an unanswered one.
fn leaf(field: &Field, label: &str, texts: &Texts, value: Option<&Value>) -> Html {
    let Some(shown) = value.and_then(|v| shown(field, texts, v)) else { return html! {} };
    html! {
        <div class="bogen-handover__entry">
            <dt class="bogen-handover__term">{ label.to_owned() }</dt>
            <dd class="bogen-handover__value" dir="auto">{ shown }</dd>
            if let Some(help) = &field.help {
                <dd class="bogen-handover__help">{ help.clone() }</dd>
            }
        </div>
    }
}

/// What a value reads as in the reader's language.
fn shown(field: &Field, texts: &Texts, value: &Value) -> Option<String> {
    let label = |choices: &[bogen_core::Choice], code: &str| {
        choices.iter().find(|c| c.code == code).map_or_else(|| code.to_owned(), |c| c.label.clone())
    };
    let text = match (&field.kind, value) {
        (_, Value::Null) => return None,
        (_, Value::String(s)) if s.trim().is_empty() => return None,
        (FieldKind::Date, Value::String(s)) => intl::date(s, &texts.lang),
        (FieldKind::Number { .. }, Value::Number(n)) => {
            n.as_f64().map_or_else(|| n.to_string(), |n| intl::number(n, &texts.lang))
        }
        (FieldKind::Boolean, Value::Bool(b)) => texts.ui(if *b { "handover.yes" } else { "handover.no" }).to_owned(),
        (FieldKind::Choice { choices, .. }, Value::String(code)) => label(choices, code),
        (FieldKind::MultiChoice { choices }, Value::Array(codes)) if codes.is_empty() => return None,
        (FieldKind::MultiChoice { choices }, Value::Array(codes)) => codes
            .iter()
            .map(|c| c.as_str().map_or_else(|| c.to_string(), |code| label(choices, code)))
            .collect::<Vec<_>>()
            .join(", "),
        (_, Value::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    };
    Some(text)
}

fn heading(level: u8, text: &str) -> Html {
    let text = text.to_owned();
    match level {
        0..=2 => html! { <h3 class="bogen-handover__heading">{ text }</h3> },
        3 => html! { <h4 class="bogen-handover__heading">{ text }</h4> },
        _ => html! { <h5 class="bogen-handover__heading">{ text }</h5> },
    }
}

fn help(field: &Field) -> Html {
    match &field.help {
        Some(help) => html! { <p class="bogen-handover__help">{ help.clone() }</p> },
        None => html! {},
    }
}
