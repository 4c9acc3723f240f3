//! A follow-up question: rendered only while its condition holds, so a question that does not
//! apply is neither seen nor heard nor reached with the keyboard. When it disappears while
//! focus is inside it, focus moves to the enclosing group rather than to the page's start.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};
use yew::prelude::*;

use super::{field_view, FieldProps};
use crate::root::Root;
use crate::state::Form;
use crate::view::{focus, use_form};

#[function_component]
pub fn FollowUpField(props: &FieldProps) -> Html {
    let form = use_form();
    let shown = use_state_eq(|| form.follow_ups.is_shown(&props.pointer));
    {
        let (form, setter) = (form.clone(), shown.setter());
        use_effect_with(props.pointer.clone(), move |pointer| {
            let listener = {
                let (form, pointer) = (form.clone(), pointer.clone());
                Callback::from(move |now: bool| {
                    let had_focus = !now && holds_focus(&form, &pointer);
                    setter.set(now);
                    if had_focus {
                        let parent = pointer.rsplit_once('/').map_or("", |(p, _)| p).to_owned();
                        let form = form.clone();
                        // After the question is gone from the page.
                        yew::platform::spawn_local(async move { focus::field(&form, &parent) });
                    }
                })
            };
            let id = form.follow_ups.subscribe(pointer, listener);
            let pointer = pointer.clone();
            move || form.follow_ups.unsubscribe(&pointer, id)
        });
    }
    if *shown {
        field_view(props.clone())
    } else {
        html! {}
    }
}

/// Whether focus is inside the question at `pointer`.
fn holds_focus(form: &Form, pointer: &str) -> bool {
    let Some(root) = Root::of(&form.element) else { return false };
    let (Some(active), Some(input)) = (root.active_element(), root.element_by_id(&form.ids.field(pointer))) else {
        return false;
    };
    let container: Element =
        input.closest(".bogen-form-group, .bogen-fieldset, .bogen-section").ok().flatten().unwrap_or(input);
    container.contains(Some(active.unchecked_ref::<Node>()))
}
