//! "PDF erstellen": the form asks `bogen.js` for a PDF and shows how it went. The PDF code is a
//! module of its own (bogen-pdf), which this crate never links: `bogen.js` imports it when the
//! request event arrives, so a form opens without it.

use wasm_bindgen::JsValue;

use crate::events;
use crate::state::{Form, Status};

/// Dispatched on the host element when the person asks for a PDF of valid data; `bogen.js`
/// answers it. Internal to Bogen: hosts call `form.pdf()` instead.
pub const REQUEST: &str = "bogen-pdf-request";

/// Only valid data becomes a PDF, as with `bogen pdf`: a participant must not be handed a
/// document of data the form refuses. Invalid data shows the error summary, as submitting does.
pub fn request(form: &Form) {
    if !form.check(true).is_empty() {
        form.set_status(None);
        return;
    }
    form.set_status(Some(Status { text: form.ui("pdf.busy"), error: false }));
    events::dispatch(&form.element, REQUEST, &JsValue::NULL);
}

/// What `bogen.js` reports back: the file name offered for download, or `None` if no PDF came.
pub fn outcome(form: &Form, file: Option<&str>) {
    let status = match file {
        Some(file) => Status { text: form.ui_fill("pdf.done", &[("file", file)]), error: false },
        None => Status { text: form.ui("pdf.failed"), error: true },
    };
    form.set_status(Some(status));
}
