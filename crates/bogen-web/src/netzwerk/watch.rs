//! Re-rendering when a value the network reads changes: the form tells its host of every change
//! with `bogen-change`; the suggestion listens to the same event and ignores the rest, so typing
//! a name costs nothing.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::CustomEvent;
use yew::prelude::*;

use crate::events;
use crate::state::Form;

/// Re-renders the component when a value at a pointer `reads` accepts changes.
#[hook]
pub fn use_changes(form: &Form, reads: impl Fn(&str) -> bool + 'static) {
    let update = use_force_update();
    let element = form.element.clone();
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            let pointer = event
                .dyn_ref::<CustomEvent>()
                .and_then(|e| js_sys::Reflect::get(&e.detail(), &JsValue::from_str("pointer")).ok())
                .and_then(|p| p.as_string());
            if pointer.is_some_and(|p| reads(&p)) {
                update.force_update();
            }
        });
        let listener = Rc::new(listener);
        let _ = element.add_event_listener_with_callback(events::CHANGE, (*listener).as_ref().unchecked_ref());
        move || {
            let _ = element.remove_event_listener_with_callback(events::CHANGE, (*listener).as_ref().unchecked_ref());
        }
    });
}
