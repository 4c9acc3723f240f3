//! The browser's PDF module: what `bogen.js` calls after importing `bogen-pdf.js` on the first
//! PDF. The form engine (bogen-web) never links this crate; JS joins the two modules, so a form
//! opens without downloading the PDF code and the fonts.
//!
//! Everything crosses as JSON text and bytes, like bogen-web's API, so the browser gets exactly
//! the `render` the command line runs: same record, same bundle, same fonts, same bytes.

use bogen_core::{FormBundle, Record};
use wasm_bindgen::prelude::*;

use crate::{Fonts, Template};

/// The fonts, parsed once per page: a second PDF does not read them again.
#[wasm_bindgen]
pub struct Press {
    fonts: Fonts,
}

#[wasm_bindgen]
impl Press {
    /// From the bytes of the regular and bold font files shipped beside the module.
    #[wasm_bindgen(constructor)]
    pub fn new(regular: Vec<u8>, bold: Vec<u8>) -> Result<Press, JsError> {
        Ok(Press { fonts: Fonts::from_ttf(regular, bold).map_err(|e| JsError::new(&e.to_string()))? })
    }

    /// The PDF of a record (its JSON text) laid out with the built-in template of its form.
    /// `bundle` is the form bundle document (`forms/<id>.<lang>.json`) in the record's language.
    /// The record must have been validated by the form; its digest is checked here.
    pub fn render(&self, record: &str, bundle: &str) -> Result<Vec<u8>, JsError> {
        let record = Record::parse(record).map_err(|e| JsError::new(&format!("record: {e}")))?;
        let bundle = FormBundle::from_document(bundle).map_err(|e| JsError::new(&format!("form bundle: {e}")))?;
        let template = Template::for_form(&record.form.id).map_err(|e| JsError::new(&e.to_string()))?;
        crate::render(&record, &bundle, &template, &self.fonts).map_err(|e| JsError::new(&e.to_string()))
    }
}
