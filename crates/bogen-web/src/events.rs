//! Events on the host element: how the host page learns what happens in the form. Details carry
//! pointers and records, never text for logs, so form data stays out of consoles and URLs.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

pub const CHANGE: &str = "bogen-change";
pub const SUBMIT: &str = "bogen-submit";
pub const ERROR: &str = "bogen-error";
pub const SAVE: &str = "bogen-save";
pub const SIGNED: &str = "bogen-signed";

/// Builds an event that bubbles (so a portal can listen once on a container) and is composed: it
/// leaves the shadow root of a `<bogen-form>` and reaches the page with the element as its target.
pub fn event(name: &str, detail: &JsValue) -> Option<CustomEvent> {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    CustomEvent::new_with_event_init_dict(name, &init).ok()
}

pub fn dispatch(element: &HtmlElement, name: &str, detail: &JsValue) {
    if let Some(e) = event(name, detail) {
        let _ = element.dispatch_event(&e);
    }
}

/// `{key: value, …}` for an event's detail.
pub fn detail(entries: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in entries {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// A JSON text as a JS value, for details that carry data (`record`).
pub fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or(JsValue::NULL)
}
