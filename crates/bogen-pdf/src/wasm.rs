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

    /// Adds the Arabic fonts (regular and bold), fetched only for a record that needs them.
    #[wasm_bindgen(js_name = addArabic)]
    pub fn add_arabic(&mut self, regular: Vec<u8>, bold: Vec<u8>) -> Result<(), JsError> {
        self.fonts = self.fonts.clone().with_arabic(regular, bold).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(())
    }

    /// Whether the Arabic fonts are loaded.
    #[wasm_bindgen(js_name = hasArabic)]
    pub fn has_arabic(&self) -> bool {
        self.fonts.arabic.is_some()
    }

    /// The PDF of a record (its JSON text) laid out with the built-in template of its form.
    /// `bundle` is the form bundle document (`forms/<id>.<lang>.json`) in the record's language;
    /// `german`, the German one, makes the forms with a bilingual layout bilingual, as
    /// `bogen pdf` does. The record must have been validated by the form; its digest is checked
    /// here.
    pub fn render(&self, record: &str, bundle: &str, german: Option<String>) -> Result<Vec<u8>, JsError> {
        let record = Record::parse(record).map_err(|e| JsError::new(&format!("record: {e}")))?;
        let bundle = FormBundle::from_document(bundle).map_err(|e| JsError::new(&format!("form bundle: {e}")))?;
        let german = german
            .map(|g| FormBundle::from_document(&g))
            .transpose()
            .map_err(|e| JsError::new(&format!("German form bundle: {e}")))?;
        let template = Template::for_form(&record.form.id).map_err(|e| JsError::new(&e.to_string()))?;
        crate::render_bilingual(&record, &bundle, german.as_ref(), &template, &self.fonts)
            .map_err(|e| JsError::new(&e.to_string()))
    }
}
