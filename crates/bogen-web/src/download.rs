//! Saving a record as a file. The file is handed over as a Blob URL, so no data ever appears in
//! a URL, and nothing leaves the browser.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a download named `name`.
pub fn offer(name: &str, text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    revoke_later(&window, &url);
    Ok(())
}

/// Frees the Blob URL once the browser has started the download (revoking at once can cancel it).
fn revoke_later(window: &web_sys::Window, url: &str) {
    let global: &JsValue = window.as_ref();
    let revoke = js_sys::Reflect::get(global, &JsValue::from_str("URL"))
        .and_then(|u| js_sys::Reflect::get(&u, &JsValue::from_str("revokeObjectURL")).map(|f| (u, f)));
    if let Ok((owner, revoke)) = revoke {
        if let Some(revoke) = revoke.dyn_ref::<js_sys::Function>() {
            let bound: js_sys::Function = revoke.bind1(&owner, &JsValue::from_str(url)).unchecked_into();
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&bound, 60_000);
        }
    }
}

/// `<form-id>-<YYYY-MM-DD>.json`, the date in the person's time zone.
pub fn file_name(form_id: &str) -> String {
    let now = js_sys::Date::new_0();
    format!("{form_id}-{:04}-{:02}-{:02}.json", now.get_full_year(), now.get_month() + 1, now.get_date())
}
