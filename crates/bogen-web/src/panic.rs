//! What happens when the engine itself fails: the host hears of it (`bogen-error`) with the
//! last data as a record, so it can offer to save what was typed. The console gets only where
//! it happened, never the panic's text, which could quote form data.

use std::cell::RefCell;
use std::sync::Once;

use wasm_bindgen::{JsCast, JsValue};

use crate::events;
use crate::state::{Form, WeakForm};

thread_local! {
    static FORMS: RefCell<Vec<WeakForm>> = const { RefCell::new(Vec::new()) };
}

/// Makes a mounted form known to the panic hook (without keeping it alive).
pub fn register(form: &Form) {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        // The hook before is Rust's own, which writes nowhere in a browser, or a test
        // harness's, which reports failed assertions: it still runs after Bogen's.
        let before = std::panic::take_hook();
        yew::set_custom_panic_hook(Box::new(move |info| {
            hook(info);
            before(info);
        }));
    });
    FORMS.with(|f| {
        let mut forms = f.borrow_mut();
        forms.retain(|w| w.upgrade().is_some());
        forms.push(form.downgrade());
    });
}

fn hook(info: &std::panic::PanicHookInfo<'_>) {
    let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
    web_sys::console::error_1(&JsValue::from_str(&format!("bogen: internal error at {place}")));
    let forms: Vec<Form> =
        FORMS.with(|f| f.try_borrow().map(|f| f.iter().filter_map(WeakForm::upgrade).collect())).unwrap_or_default();
    for form in forms {
        let record = form.rescue().map(|r| events::json(&r.to_json())).unwrap_or(JsValue::NULL);
        let detail = events::detail(&[("message", JsValue::from_str(&place)), ("record", record)]);
        if let Some(event) = events::event(events::ERROR, &detail) {
            dispatch_later(&form, &event);
        }
    }
}

/// Dispatches from a timer through plain JS, after the panic has unwound out of the engine, so a
/// listener that calls back into it meets no half-changed state.
fn dispatch_later(form: &Form, event: &web_sys::CustomEvent) {
    let element: &JsValue = form.element.as_ref();
    let Ok(dispatch) = js_sys::Reflect::get(element, &JsValue::from_str("dispatchEvent")) else { return };
    let Some(dispatch) = dispatch.dyn_ref::<js_sys::Function>() else { return };
    let bound: js_sys::Function = dispatch.bind1(element, event).unchecked_into();
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback(&bound);
    }
}
