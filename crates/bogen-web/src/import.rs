//! Loading a record from a file the person picked. What is on screen changes only when the whole
//! file was read and accepted; otherwise the status says why, in the form's language.

use bogen_core::limits::MAX_DOCUMENT_BYTES;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use crate::state::{Form, Status};

pub fn load_file(form: Form, file: File) {
    if file.size() > MAX_DOCUMENT_BYTES as f64 {
        form.set_status(Some(Status { text: form.ui("record.tooLarge"), error: true }));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = match JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()) {
            Some(text) => text,
            None => {
                form.set_status(Some(Status { text: form.ui("record.unreadable"), error: true }));
                return;
            }
        };
        let status = match form.import(&text) {
            Ok(notices) => {
                let mut text = form.ui_fill("record.loaded", &[("file", &file.name())]).to_string();
                for notice in notices {
                    text.push(' ');
                    text.push_str(&notice);
                }
                Status { text: text.into(), error: false }
            }
            Err(message) => Status { text: message, error: true },
        };
        form.set_status(Some(status));
    });
}
