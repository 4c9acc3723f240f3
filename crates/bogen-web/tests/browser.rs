//! The engine in a real browser: mounts a small form and checks the DOM people and assistive
//! technology get. Runs in headless Chromium through wasm-bindgen-test-runner (0.2.130) and
//! chromedriver; `webdriver.json` beside Cargo.toml gives Chromium its flags:
//!
//! ```sh
//! CHROMEDRIVER=/usr/bin/chromedriver \
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!   cargo test --target wasm32-unknown-unknown -p bogen-web --test browser
//! ```

use bogen_web::{mount_custom, FormHandle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const COMMON: &str = include_str!("../../../forms/common/i18n/de.json");

const SCHEMA: &str = r#"{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:bogen:form:probe:1.0.0",
  "type": "object",
  "required": ["name", "ziele"],
  "properties": {
    "name": {"type": "string", "minLength": 1},
    "geburt": {"type": "string", "format": "date"},
    "version": {"type": "string", "const": "v1"},
    "ziele": {"type": "array", "minItems": 1, "items": {
      "type": "object", "required": ["was"],
      "properties": {"was": {"type": "string", "minLength": 1}}}}
  }
}"#;

const UI: &str = r#"{"version": {"ui:widget": "hidden"}}"#;

const TEXTS: &str = r#"{"lang": "de", "reviewed": true, "form": {"title": "Probe"},
  "fields": {"name": {"title": "Name", "help": "Wie im Pass"}, "geburt": {"title": "Geburtsdatum"},
             "ziele": {"title": "Ziele"}, "ziele.*": {"title": "Ziel"}, "ziele.*.was": {"title": "Was"}}}"#;

struct Mounted {
    host: HtmlElement,
    form: FormHandle,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.form.destroy();
        self.host.remove();
    }
}

async fn mounted(data: Option<&str>) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let form =
        mount_custom(host.clone(), COMMON, SCHEMA, UI, Some(TEXTS.into()), data.map(str::to_owned), "de").unwrap();
    yew::scheduler::flush().await;
    Mounted { host, form }
}

fn all(host: &Element, selector: &str) -> Vec<Element> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect()
}

fn one(host: &Element, selector: &str) -> Element {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

/// Waits until the form has validated after typing (it does so after the next frame).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let after_paint = wasm_bindgen::closure::Closure::once_into_js(move || {
            let window = web_sys::window().unwrap();
            window.set_timeout_with_callback(resolve.unchecked_ref()).unwrap();
        });
        web_sys::window().unwrap().request_animation_frame(after_paint.unchecked_ref()).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    yew::scheduler::flush().await;
}

async fn type_into(input: &Element, text: &str) {
    let input: &HtmlInputElement = input.unchecked_ref();
    input.set_value(text);
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn every_input_has_a_visible_label_and_new_data_has_defaults() {
    let m = mounted(None).await;
    let fields = all(&m.host, ".bogen-form :is(input:not([type=file]), select, textarea)");
    assert_eq!(fields.len(), 3, "name, geburt and one minItems goal");
    // Every control, the toolbar's (participant language, mixed mode) included, has its label.
    let inputs = all(&m.host, "input:not([type=file]), select, textarea");
    assert!(inputs.len() > fields.len(), "the toolbar's controls are counted too");
    for input in &inputs {
        let label = one(&m.host, &format!("label[for='{}']", input.id()));
        assert!(!label.text_content().unwrap().trim().is_empty());
    }
    let name = one(&m.host, "input[id$='-name']");
    let hint = name.get_attribute("aria-describedby").unwrap();
    assert_eq!(one(&m.host, &format!("#{hint}")).text_content().unwrap(), "Wie im Pass");
    assert_eq!(one(&m.host, "h1").text_content().unwrap(), "Probe");
    assert_eq!(one(&m.host, ".bogen-item__legend").text_content().unwrap(), "Ziel 1");
    assert_eq!(m.form.data(), r#"{"version":"v1","ziele":[{}]}"#);
}

#[wasm_bindgen_test]
async fn validate_shows_the_summary_and_messages_at_the_fields() {
    let m = mounted(None).await;
    let errors = m.form.validate().unwrap_or_else(|_| panic!("the inline validator gives a verdict at once"));
    assert!(errors.contains("\"/name\"") && errors.contains("\"/ziele/0/was\""), "{errors}");
    yew::scheduler::flush().await;
    let summary = one(&m.host, ".bogen-error-summary");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    let links = all(&summary, "a");
    assert_eq!(links.len(), 2);
    let name = one(&m.host, "input[id$='-name']");
    assert_eq!(links[0].get_attribute("href").unwrap(), format!("#{}", name.id()));
    assert!(links[1].text_content().unwrap().starts_with("Ziel 1: "));
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = name.get_attribute("aria-describedby").unwrap();
    let error_id = described.split(' ').find(|id| id.ends_with("-error")).unwrap();
    assert!(one(&m.host, &format!("#{error_id}")).text_content().unwrap().contains("Name"));

    // After the first submit attempt, messages follow typing.
    type_into(&name, "Amal").await;
    next_frame().await;
    assert!(name.get_attribute("aria-invalid").is_none());
    assert_eq!(all(&m.host, ".bogen-error-summary a").len(), 1);
}

#[wasm_bindgen_test]
async fn typed_values_reach_the_data_and_empty_inputs_remove_them() {
    let m = mounted(None).await;
    let name = one(&m.host, "input[id$='-name']");
    type_into(&name, "Amal").await;
    let date = one(&m.host, "input[id$='-geburt']");
    type_into(&date, "1.2.1990").await;
    assert_eq!(m.form.data(), r#"{"version":"v1","ziele":[{}],"name":"Amal","geburt":"1990-02-01"}"#);
    type_into(&date, "31.02.1990").await;
    assert!(m.form.data().contains(r#""geburt":"31.02.1990""#), "a wrong date is kept as typed");
    type_into(&name, "").await;
    assert!(!m.form.data().contains("name"));
}

#[wasm_bindgen_test]
async fn list_items_are_added_moved_and_removed_with_their_content() {
    let m = mounted(None).await;
    type_into(&one(&m.host, "input[id$='-ziele-0-was']"), "Wohnung").await;
    let add = one(&m.host, "button.bogen-list__add");
    add.unchecked_ref::<HtmlElement>().click();
    yew::scheduler::flush().await;
    type_into(&one(&m.host, "input[id$='-ziele-1-was']"), "Arbeit").await;
    let ups = all(&m.host, ".bogen-item__actions button[id$='-up']");
    assert_eq!(ups.len(), 2);
    assert!(ups[1].text_content().unwrap().contains("Ziel 2"), "the button names its item");
    ups[1].unchecked_ref::<HtmlElement>().click();
    yew::scheduler::flush().await;
    assert!(m.form.data().contains(r#""ziele":[{"was":"Arbeit"},{"was":"Wohnung"}]"#), "{}", m.form.data());
    let first: HtmlInputElement = one(&m.host, "input[id$='-ziele-0-was']").unchecked_into();
    assert_eq!(first.value(), "Arbeit", "inputs move with their items");
    let removes = all(&m.host, ".bogen-item__actions button[id$='-remove']");
    removes[0].unchecked_ref::<HtmlElement>().click();
    yew::scheduler::flush().await;
    assert!(m.form.data().contains(r#""ziele":[{"was":"Wohnung"}]"#));
    one(&m.host, "button[id$='-undo']").unchecked_ref::<HtmlElement>().click();
    yew::scheduler::flush().await;
    assert!(m.form.data().contains(r#""ziele":[{"was":"Arbeit"},{"was":"Wohnung"}]"#));
}

#[wasm_bindgen_test]
async fn a_broken_record_is_refused_in_german_and_changes_nothing() {
    let m = mounted(Some(r#"{"name": "Amal"}"#)).await;
    let before = m.form.data();
    let error = m.form.load("{ kaputt").expect_err("refused");
    let message = js_sys::Error::from(wasm_bindgen::JsValue::from(error)).message().as_string().unwrap();
    assert!(message.contains("JSON"), "{message}");
    assert_eq!(m.form.data(), before);
    let record = m.form.record();
    m.form.set_data(r#"{"name": "Other"}"#).unwrap();
    m.form.load(&record).unwrap();
    assert_eq!(m.form.data(), before);

    // The form rendered anew for the loaded data still shows its summary.
    yew::scheduler::flush().await;
    assert!(m.form.validate().is_ok(), "the inline validator gives a verdict at once");
    yew::scheduler::flush().await;
    assert_eq!(all(&m.host, ".bogen-error-summary a").len(), 1, "the one goal has no text yet");
}
