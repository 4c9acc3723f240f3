//! The built-in forms as the command line loads them, to check what the readers accept against.

use std::path::{Path, PathBuf};

use bogen_core::{FormBundle, Texts};
use serde_json::Value;

pub const IDS: &[&str] = &["assessment", "datenschutz", "hilfeplan", "screening"];

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The shared German texts.
pub fn common_texts() -> Texts {
    Texts::from_json(&read(&workspace().join("forms/common/i18n/de.json"))).expect("shared texts")
}

/// A form's texts laid over the shared ones.
pub fn texts(id: &str) -> Texts {
    let own = Texts::from_json(&read(&workspace().join("forms").join(id).join("i18n/de.json"))).expect("form texts");
    common_texts().layered(own)
}

pub fn schema(id: &str) -> Value {
    serde_json::from_str(&read(&workspace().join("forms").join(id).join("schema.json"))).expect("schema")
}

pub fn ui(id: &str) -> Value {
    serde_json::from_str(&read(&workspace().join("forms").join(id).join("ui.json"))).expect("uiSchema")
}

pub fn bundle(id: &str) -> FormBundle {
    FormBundle::new(schema(id), ui(id), texts(id)).unwrap_or_else(|e| panic!("form {id}: {e}"))
}

pub fn bundles() -> Vec<FormBundle> {
    IDS.iter().map(|id| bundle(id)).collect()
}
