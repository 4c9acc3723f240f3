//! What happens when the engine itself fails: the host hears of it (`bogen-error`) with the
//! last data as a record, so it can offer to save what was typed, and the person sees a message
//! with a link that saves it. The console gets only where it happened, never the panic's text,
//! which could quote form data.

use std::cell::RefCell;
use std::sync::Once;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::state::{Form, WeakForm};
use crate::{download, events};

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
    rescue_all(&place);
}

/// Tells every mounted form's host and person of the failure at `place`. The release build
/// aborts after a panic, so nothing here may count on the engine running again: the event is
/// dispatched from a JS timer and the save link is a plain link to a Blob.
fn rescue_all(place: &str) {
    let forms: Vec<Form> =
        FORMS.with(|f| f.try_borrow().map(|f| f.iter().filter_map(WeakForm::upgrade).collect())).unwrap_or_default();
    for form in forms {
        let record = form.rescue().map(|r| r.to_json());
        let detail = events::detail(&[
            ("message", JsValue::from_str(place)),
            ("record", record.as_deref().map(events::json).unwrap_or(JsValue::NULL)),
        ]);
        if let Some(event) = events::event(events::ERROR, &detail) {
            dispatch_later(&form, &event);
        }
        let _ = show(&form, record.as_deref());
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

/// Puts the message and the save link just before the form, outside what the engine renders,
/// so it stays whatever becomes of the form. The link's Blob URL is not revoked: it must work
/// until the person clicks it, with no engine left to make a new one.
fn show(form: &Form, record: Option<&str>) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let alert = document.create_element("div")?;
    alert.set_class_name("bogen-failure");
    alert.set_attribute("role", "alert")?;
    alert.set_attribute("lang", &form.bundle.texts.lang)?;
    let text = document.create_element("p")?;
    text.set_text_content(Some(&form.ui("failure")));
    alert.append_child(&text)?;
    if let Some(record) = record {
        let options = BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(record)), &options)?;
        let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
        link.set_class_name("bogen-button");
        link.set_href(&Url::create_object_url_with_blob(&blob)?);
        link.set_download(&download::file_name(&form.bundle.id));
        link.set_text_content(Some(&form.ui("failure.save")));
        alert.append_child(&link)?;
    }
    form.element.insert_adjacent_element("beforebegin", &alert)?;
    Ok(())
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    //! The hook's work for a real mounted form. A real panic cannot be tested here: a panic
    //! aborts the wasm instance, and with it the test runner.

    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_test::*;
    use web_sys::{HtmlElement, HtmlInputElement};

    wasm_bindgen_test_configure!(run_in_browser);

    const COMMON: &str = include_str!("../../../forms/common/i18n/de.json");
    const SCHEMA: &str = r#"{"$id": "urn:bogen:form:probe:1.0.0", "type": "object",
        "properties": {"name": {"type": "string"}}}"#;

    async fn wait_ms(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }

    fn ui_text(key: &str) -> String {
        let common: serde_json::Value = serde_json::from_str(COMMON).unwrap();
        common["ui"][key].as_str().unwrap().to_owned()
    }

    #[wasm_bindgen_test]
    async fn a_failure_reports_the_typed_data_and_offers_to_save_it() {
        let document = web_sys::window().unwrap().document().unwrap();
        let page: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        page.append_child(&host).unwrap();
        document.body().unwrap().append_child(&page).unwrap();
        let mut handle = crate::mount_custom(host.clone(), COMMON, SCHEMA, "{}", None, None, "de").unwrap();
        yew::scheduler::flush().await;

        let input: HtmlInputElement = host.query_selector("input[id$='-name']").unwrap().unwrap().unchecked_into();
        input.set_value("Amal <script>window.pwned=1</script>");
        input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
        yew::scheduler::flush().await;

        let heard: Rc<RefCell<Option<JsValue>>> = Rc::default();
        let listener = {
            let heard = heard.clone();
            Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
                *heard.borrow_mut() = Some(e.detail());
            })
        };
        page.add_event_listener_with_callback(crate::events::ERROR, listener.as_ref().unchecked_ref()).unwrap();

        super::rescue_all("src/probe.rs:1");
        wait_ms(10).await;

        let detail = heard.borrow_mut().take().expect("bogen-error reached the page");
        let message = js_sys::Reflect::get(&detail, &"message".into()).unwrap();
        assert_eq!(message.as_string().as_deref(), Some("src/probe.rs:1"));
        let record = js_sys::Reflect::get(&detail, &"record".into()).unwrap();
        let record: serde_json::Value =
            serde_json::from_str(&js_sys::JSON::stringify(&record).unwrap().as_string().unwrap()).unwrap();
        assert_eq!(record["data"]["name"], "Amal <script>window.pwned=1</script>");

        let alert = page.query_selector(".bogen-failure[role=alert]").unwrap().expect("a message on screen");
        assert_eq!(alert.query_selector("p").unwrap().unwrap().text_content().unwrap(), ui_text("failure"));
        let link: web_sys::HtmlAnchorElement = alert.query_selector("a").unwrap().unwrap().unchecked_into();
        assert_eq!(link.text_content().unwrap(), ui_text("failure.save"));
        assert!(link.download().starts_with("probe-") && link.download().ends_with(".json"));
        let fetch = js_sys::Function::new_with_args("url", "return fetch(url).then((r) => r.text())");
        let text = fetch.call1(&JsValue::NULL, &link.href().into()).unwrap();
        let text = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(text)).await.unwrap();
        let saved: serde_json::Value = serde_json::from_str(&text.as_string().unwrap()).unwrap();
        assert_eq!(saved, record, "the link saves the record the event carried");
        assert_eq!(bogen_core::Record::parse(&text.as_string().unwrap()).unwrap().data, record["data"]);

        handle.destroy();
        page.remove();
    }
}
