//! The error summary (GOV.UK pattern): after a submit attempt, every message at the top of the
//! form, each a link that focuses its field. It takes focus on submit so screen readers read it.

use bogen_core::{path, FieldKind};
use yew::prelude::*;

use super::{focus, use_form};
use crate::list::item_label;
use crate::state::Form;

#[function_component]
pub fn Summary() -> Html {
    let form = use_form();
    let update = use_force_update();
    let node = use_node_ref();
    {
        let form = form.clone();
        use_effect_with((), move |_| {
            let listener = Callback::from(move |_| update.force_update());
            form.on_summary(listener.clone());
            move || form.off_summary(&listener)
        });
    }
    {
        let (form, node) = (form.clone(), node.clone());
        use_effect(move || {
            if form.take_summary_focus() {
                if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    let entries = form.summary().unwrap_or_default();
    if entries.is_empty() {
        return html! {};
    }
    let heading_id = form.ids.part("summary-title");
    html! {
        <div class="bogen-error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby={heading_id.clone()} ref={node}>
            <h2 class="bogen-error-summary__title" id={heading_id}>{ form.ui("summary.title") }</h2>
            <ul class="bogen-error-summary__list">
                { for entries.into_iter().map(|entry| {
                    let href = format!("#{}", form.ids.field(&entry.pointer));
                    let text = match context(&form, &entry.pointer) {
                        Some(context) => form.ui_fill("summary.inItem", &[("item", &context), ("message", &entry.message)]),
                        None => entry.message.clone(),
                    };
                    let onclick = {
                        let form = form.clone();
                        Callback::from(move |e: MouseEvent| {
                            e.prevent_default();
                            focus::field(&form, &entry.pointer);
                        })
                    };
                    html! { <li><a {href} {onclick}>{ text }</a></li> }
                }) }
            </ul>
        </div>
    }
}

/// Which list items a message is in ("Ziel 2, Schritt 1"): the message names the field, but
/// the same field is in every item.
fn context(form: &Form, pointer: &str) -> Option<String> {
    let mut node = &form.tree;
    let mut items = Vec::new();
    for segment in path::segments(pointer) {
        node = match &node.field.kind {
            FieldKind::Group { .. } => node.children.iter().find(|c| c.field.name == segment)?,
            FieldKind::List { .. } => {
                let item = node.item.as_ref()?;
                let index: usize = segment.parse().ok()?;
                items.push(item_label(form, item, index).to_string());
                item
            }
            _ => break,
        };
    }
    (!items.is_empty()).then(|| items.join(", "))
}
