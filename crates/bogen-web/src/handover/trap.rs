//! Keeping the participant inside the handover view: the rest of the form is `inert`, Tab
//! cycles inside the view, Escape is swallowed, leaving the page asks first, and the form's
//! element asks for the full screen (ignored where the browser refuses).

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventTarget, HtmlElement, KeyboardEvent};
use yew::NodeRef;

/// A listener that is removed when dropped.
pub struct Listening {
    target: EventTarget,
    name: &'static str,
    closure: Closure<dyn Fn(Event)>,
}

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.name, self.closure.as_ref().unchecked_ref());
    }
}

fn on(target: EventTarget, name: &'static str, f: impl Fn(Event) + 'static) -> Listening {
    let closure = Closure::<dyn Fn(Event)>::new(f);
    let _ = target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
    Listening { target, name, closure }
}

/// Calls `f` whenever `name` is dispatched on `element`.
pub fn listen(element: &HtmlElement, name: &'static str, f: impl Fn() + 'static) -> Listening {
    on(element.clone().into(), name, move |_| f())
}

/// The browser asks before the page is left (a reload would end the handover unsigned).
pub fn guard_unload() -> Option<Listening> {
    let window = web_sys::window()?;
    Some(on(window.into(), "beforeunload", |e: Event| {
        e.prevent_default();
        let _ = Reflect::set(&e, &JsValue::from_str("returnValue"), &JsValue::from_str(""));
    }))
}

/// Sets or removes `inert` on everything of the form beside the handover view.
pub fn make_rest_inert(overlay: &NodeRef, inert: bool) {
    let Some(view) = overlay.cast::<Element>() else { return };
    let Some(parent) = view.parent_element() else { return };
    let children = parent.children();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        if child == view {
            continue;
        }
        let _ = if inert { child.set_attribute("inert", "") } else { child.remove_attribute("inert") };
    }
}

const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex='-1'])";

fn focusable(overlay: &NodeRef) -> Vec<HtmlElement> {
    let Some(view) = overlay.cast::<Element>() else { return Vec::new() };
    let Ok(list) = view.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
}

/// Focuses the view's first input or button (the PIN field, the first button).
pub fn focus_first(overlay: &NodeRef) {
    let Some(view) = overlay.cast::<HtmlElement>() else { return };
    if view.hidden() {
        return;
    }
    let target = view
        .query_selector("input:not([disabled])")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .or_else(|| view.query_selector("h2").ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok()));
    if let Some(target) = target {
        if !target.has_attribute("tabindex") && target.tag_name() == "H2" {
            let _ = target.set_attribute("tabindex", "-1");
        }
        let _ = target.focus();
    }
}

/// Escape does nothing; Tab from the last element goes to the first and back.
pub fn keep_focus(overlay: &NodeRef, e: &KeyboardEvent) {
    match e.key().as_str() {
        "Escape" => {
            e.prevent_default();
            e.stop_propagation();
        }
        "Tab" => {
            let all = focusable(overlay);
            let (Some(first), Some(last)) = (all.first(), all.last()) else { return };
            let active = overlay.cast::<Element>().and_then(|v| active_in(&v));
            let at = |el: &HtmlElement| active.as_ref().is_some_and(|a| a == el.unchecked_ref::<Element>());
            let outside = active.is_none() || !all.iter().any(&at);
            if e.shift_key() && (at(first) || outside) {
                e.prevent_default();
                let _ = last.focus();
            } else if !e.shift_key() && (at(last) || outside) {
                e.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    }
}

/// The focused element of the view's root node (document or shadow root).
fn active_in(view: &Element) -> Option<Element> {
    let root = view.get_root_node();
    Reflect::get(&root, &JsValue::from_str("activeElement")).ok()?.dyn_into::<Element>().ok()
}

/// Sixteen random bytes for the PIN's salt.
pub fn salt() -> [u8; 16] {
    let mut salt = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut salt).is_ok());
    if !filled {
        for byte in &mut salt {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    salt
}

/// Asks for the full screen for the form's element; a refusal (a rejected promise) is ignored.
pub fn fullscreen(element: &HtmlElement) {
    call_ignoring(element, "requestFullscreen");
}

/// Leaves the full screen if the form's element holds it.
pub fn leave_fullscreen(element: &HtmlElement) {
    let Some(document) = element.owner_document() else { return };
    let holder = Reflect::get(&document, &JsValue::from_str("fullscreenElement")).unwrap_or(JsValue::NULL);
    if !holder.is_null() && !holder.is_undefined() {
        call_ignoring(&document, "exitFullscreen");
    }
}

fn call_ignoring(target: &JsValue, method: &str) {
    let Some(function) =
        Reflect::get(target, &JsValue::from_str(method)).ok().and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    if let Ok(result) = function.call0(target) {
        if let Ok(promise) = result.dyn_into::<Promise>() {
            let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
            let _ = promise.catch(&ignore);
            ignore.forget();
        }
    }
}
