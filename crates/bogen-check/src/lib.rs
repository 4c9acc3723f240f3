//! The validator module: bogen-core's [`Validator`] for the browser, as a wasm module of its own.
//!
//! The form engine (bogen-web) is built without a validator, so a form is on screen after
//! downloading the renderer only; `bogen.js` loads this module once the form has been painted
//! and hands it to the engine, which from then on asks it for the [`Violation`]s of the data.
//! The verdicts are those of `bogen validate`: the same crate, version and options.
//!
//! Everything crosses as JSON text, like the engine's own API: schemas once per form, the data
//! on each validation, violations back.

use std::cell::RefCell;

use bogen_core::{limits, Validator, Violation};
use wasm_bindgen::prelude::*;

thread_local! {
    /// Compiled schemas, by the number [`compile`] handed out. A page holds a few forms, each
    /// compiled once, so nothing is ever dropped.
    static COMPILED: RefCell<Vec<Validator>> = const { RefCell::new(Vec::new()) };
}

/// Compiles a schema (JSON text) and returns its number; a schema that is not JSON Schema
/// 2020-12 is an error naming the place.
#[wasm_bindgen]
pub fn compile(schema: &str) -> Result<u32, JsError> {
    let schema = limits::parse_json(schema).map_err(|e| JsError::new(&format!("schema: {e}")))?;
    let validator = Validator::compile(&schema).map_err(|e| JsError::new(&format!("schema: {e}")))?;
    COMPILED.with(|c| {
        let mut c = c.borrow_mut();
        c.push(validator);
        Ok((c.len() - 1) as u32)
    })
}

/// The violations of `data` (JSON text) under schema number `id`, as a JSON array of
/// `{pointer, keyword, params}`; `[]` when the data is valid.
#[wasm_bindgen]
pub fn violations(id: u32, data: &str) -> Result<String, JsError> {
    let data = limits::parse_json(data).map_err(|e| JsError::new(&format!("data: {e}")))?;
    COMPILED.with(|c| {
        let c = c.borrow();
        let validator = c.get(id as usize).ok_or_else(|| JsError::new(&format!("no schema number {id}")))?;
        let found: Vec<Violation> = if validator.is_valid(&data) { Vec::new() } else { validator.violations(&data) };
        serde_json::to_string(&found).map_err(|e| JsError::new(&e.to_string()))
    })
}
