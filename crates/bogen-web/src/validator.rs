//! Where the verdicts on a form's data come from: the validator module.
//!
//! The engine is built without a validator, so the form is on screen after the renderer alone
//! is downloaded. `bogen.js` loads the validator module (crates/bogen-check) once the form is
//! painted and hands it over with [`validator_arrived`]; forms then validate through it, and
//! forms that were waiting for it (a message due, a submit attempt) are brought up to date.
//! Until then a form simply has no verdict yet: typing works, nothing is submitted unchecked.
//!
//! With the `inline-validator` feature (the engine's own tests) bogen-core's validator is linked
//! in and always there.

use std::cell::{Cell, RefCell};

use bogen_core::{FormBundle, Violation};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::state::WeakForm;

#[wasm_bindgen]
extern "C" {
    /// The validator module as `bogen.js` hands it over: `compile(schemaText) -> number` and
    /// `violations(number, dataText) -> violationsText`, both throwing on bad input.
    pub type ValidatorModule;

    #[wasm_bindgen(method, catch)]
    fn compile(this: &ValidatorModule, schema: &str) -> Result<u32, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn violations(this: &ValidatorModule, id: u32, data: &str) -> Result<String, JsValue>;
}

thread_local! {
    static MODULE: RefCell<Option<ValidatorModule>> = const { RefCell::new(None) };
    /// Mounted forms, told when the module arrives.
    static FORMS: RefCell<Vec<WeakForm>> = const { RefCell::new(Vec::new()) };
}

/// `bogen.js` hands over the validator module, once per page.
#[wasm_bindgen(js_name = validatorArrived)]
pub fn validator_arrived(module: ValidatorModule) {
    MODULE.with(|m| *m.borrow_mut() = Some(module));
    let forms: Vec<WeakForm> = FORMS.with(|f| {
        let mut f = f.borrow_mut();
        f.retain(|w| w.upgrade().is_some());
        f.iter().map(WeakForm::clone).collect()
    });
    for form in forms.iter().filter_map(WeakForm::upgrade) {
        form.validator_arrived();
    }
}

/// One form's schema in the validator module.
#[derive(Default)]
pub struct Validation {
    /// The schema's number in the module, once compiled.
    id: Cell<Option<u32>>,
    /// Why the module refused the schema.
    refused: RefCell<Option<String>>,
}

impl Validation {
    /// Makes `form` hear of the module's arrival.
    pub fn register(form: WeakForm) {
        FORMS.with(|f| f.borrow_mut().push(form));
    }

    /// The violations of `data`; `None` while the module has not arrived or refused the schema.
    pub fn violations(&self, bundle: &FormBundle, data: &Value) -> Option<Vec<Violation>> {
        #[cfg(feature = "inline-validator")]
        {
            let _ = &self.id;
            if bundle.is_valid(data) {
                return Some(Vec::new());
            }
            Some(bundle.violations(data))
        }
        #[cfg(not(feature = "inline-validator"))]
        self.asked(|| bundle.schema.to_string(), data)
    }

    /// Why the validator refuses the form's schema (a host's own schema that is not JSON Schema
    /// 2020-12), once the module is there; `None` when it accepts it or has not arrived.
    pub fn schema_problem(&self, bundle: &FormBundle) -> Option<String> {
        #[cfg(not(feature = "inline-validator"))]
        let _ = self.compiled(|| bundle.schema.to_string());
        #[cfg(feature = "inline-validator")]
        let _ = bundle;
        self.refused.borrow().clone()
    }

    /// Asks the module for the violations of `data` under the schema `schema` gives (its JSON
    /// text, made only for the first question).
    #[cfg(not(feature = "inline-validator"))]
    fn asked(&self, schema: impl FnOnce() -> String, data: &Value) -> Option<Vec<Violation>> {
        let id = self.compiled(schema)?;
        let text = MODULE.with(|m| m.borrow().as_ref().map(|m| m.violations(id, &data.to_string())))?;
        match text {
            Ok(text) => serde_json::from_str(&text).ok(),
            Err(e) => {
                web_sys::console::error_2(&JsValue::from_str("Bogen: validation failed"), &e);
                None
            }
        }
    }

    #[cfg(not(feature = "inline-validator"))]
    fn compiled(&self, schema: impl FnOnce() -> String) -> Option<u32> {
        if let Some(id) = self.id.get() {
            return Some(id);
        }
        if self.refused.borrow().is_some() {
            return None;
        }
        let result = MODULE.with(|m| m.borrow().as_ref().map(|m| m.compile(&schema())))?;
        match result {
            Ok(id) => {
                self.id.set(Some(id));
                Some(id)
            }
            Err(e) => {
                let message = e.as_string().or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())));
                *self.refused.borrow_mut() = Some(message.unwrap_or_else(|| "schema: refused".into()));
                None
            }
        }
    }
}

/// The violations of a Träger profile (`forms/profile.schema.json`), whose schema the module
/// compiles once per page; `None` while the module has not arrived.
pub fn profile_violations(data: &Value) -> Option<Vec<Violation>> {
    #[cfg(feature = "inline-validator")]
    {
        let schema: Value = serde_json::from_str(bogen_core::profile::SCHEMA).ok()?;
        Some(bogen_core::Validator::compile(&schema).ok()?.violations(data))
    }
    #[cfg(not(feature = "inline-validator"))]
    {
        thread_local! {
            static PROFILE: Validation = Validation::default();
        }
        PROFILE.with(|v| v.asked(|| bogen_core::profile::SCHEMA.to_owned(), data))
    }
}
