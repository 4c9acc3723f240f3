//! `--form`: a built-in form by id, or a schema file brought by a case store.

use std::path::Path;

use bogen_core::FormBundle;
use serde_json::Value;

use crate::catalogue;
use crate::failure::Unusable;
use crate::input;

/// Whether `--form` names a built-in form: form ids are lowercase letters, digits and dashes,
/// so anything else (a dot, a slash) is a path. `./hilfeplan` forces a path.
pub fn is_id(arg: &str) -> bool {
    !arg.is_empty() && arg.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Loads the form `--form` names, with the texts of `lang`.
pub fn load(arg: &str, lang: &str) -> Result<FormBundle, Unusable> {
    if is_id(arg) {
        built_in(arg, lang)
    } else {
        schema_file(Path::new(arg), lang)
    }
}

/// A built-in form by id; unknown ids list the known ones.
fn built_in(id: &str, lang: &str) -> Result<FormBundle, Unusable> {
    match catalogue::find(id) {
        Some(form) => form.load(lang),
        None => Err(Unusable::general(format!("--form {id}: unknown form ({})", catalogue::ids()))),
    }
}

/// A schema file alone: no uiSchema is needed to validate, and the texts are the shared ones of
/// the language, so titles come from the schema's `title` or the property name.
fn schema_file(path: &Path, lang: &str) -> Result<FormBundle, Unusable> {
    let schema = input::read_json(path)?;
    let texts = catalogue::common_texts(lang)?;
    FormBundle::new(schema, Value::Object(Default::default()), texts)
        .map_err(|e| Unusable::file(path, format!("not a usable form schema: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_paths_are_told_apart() {
        assert!(is_id("hilfeplan") && is_id("form-2"));
        assert!(!is_id("schema.json") && !is_id("./hilfeplan") && !is_id("Hilfeplan") && !is_id(""));
    }
}
