//! Problems with a record's envelope, sorted into the record's fault (exit code 1, reported like
//! a field error at the place in the file) and what cannot be judged here (exit code 2).
//!
//! A changed digest or a record of another form is a wrong record: an import must reject it,
//! just like invalid data. A newer format or form version, an unknown form or a damaged file
//! says nothing about the record, only that this `bogen` cannot read it.
//!
//! What an importer should know about a record that is valid (an older form version, a
//! signature made on other data) becomes a warning and leaves the verdict alone.

use std::path::Path;

use bogen_core::record::{ImportNotice, Record, RecordError, FORMAT};
use bogen_core::texts::fill;
use bogen_core::{FieldError, Texts};
use serde_json::Value;

use crate::failure::Unusable;

/// Whether a document is a record rather than bare data: records say so in `format`.
pub fn is_record(document: &Value) -> bool {
    document.get("format").and_then(Value::as_str) == Some(FORMAT)
}

/// Pointer of a record's data in the record, so errors point into the file that was given.
pub const DATA: &str = "/data";

/// Sorts a record error: `Ok` is the record's fault, `Err` means it cannot be judged.
pub fn judge(path: &Path, error: RecordError, texts: &Texts) -> Result<FieldError, Unusable> {
    let pointer = match error {
        RecordError::Digest => "/dataHash",
        RecordError::OtherForm { .. } => "/form/id",
        RecordError::Format { found } => {
            let has = if found.is_empty() { "no format".to_owned() } else { format!("format {found:?}") };
            return Err(Unusable::file(
                path,
                format!("not a Bogen record ({has}, not {FORMAT:?}); to check bare data, name its form with --form"),
            ));
        }
        RecordError::Json(e) => return Err(Unusable::file(path, e.to_string())),
        _ => return Err(Unusable::file(path, error)),
    };
    Ok(FieldError { pointer: pointer.to_owned(), message: message(&error, texts) })
}

/// The message in the language of `texts` where they have one (`ui` key `record.<code>`, the
/// same texts the browser shows), else in English.
fn message(error: &RecordError, texts: &Texts) -> String {
    match texts.ui.get(&format!("record.{}", error.code())) {
        Some(template) => {
            let params = error.params();
            let values: Vec<(&str, &str)> = params.iter().map(|(n, v)| (*n, v.as_str())).collect();
            fill(template, &values)
        }
        None => error.to_string(),
    }
}

/// What an importer should know about a valid record, from the texts where they have it (`ui`
/// key `record.notice.<code>`, as the browser shows it), else in English.
pub fn notice(form: &str, notice: &ImportNotice, texts: &Texts) -> String {
    if let Some(template) = texts.ui.get(&format!("record.notice.{}", notice.code())) {
        let params = notice.params();
        let values: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
        return fill(template, &values);
    }
    match notice {
        ImportNotice::OlderFormVersion { found, installed } => format!(
            "record was made with version {found} of form {form}, the installed one is {installed}; \
             fields may have been added or renamed since"
        ),
        ImportNotice::SchemaChanged => {
            format!("the schema of form {form} has changed since the record was made, though its version has not")
        }
    }
}

/// Signatures made on other data than the record holds: the data changed after signing, so they
/// do not cover what is imported. Named by position, role and time, not by the signer's name,
/// so import logs hold no more personal data than needed.
pub fn stale_signatures(record: &Record) -> Vec<String> {
    record
        .signatures
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.covers(&record.data))
        .map(|(i, s)| {
            format!(
                "/signatures/{i}: the signature ({}, signed {}) was made on other data and does not cover this data",
                s.role, s.signed_at
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_records_are_invalid_and_unreadable_ones_unusable() {
        let texts = Texts::default();
        let path = Path::new("r.json");
        assert_eq!(judge(path, RecordError::Digest, &texts).map(|e| e.pointer), Ok("/dataHash".to_owned()));
        let other = RecordError::OtherForm { found: "a".into(), expected: "b".into() };
        assert_eq!(judge(path, other, &texts).map(|e| e.pointer), Ok("/form/id".to_owned()));
        let newer = judge(path, RecordError::NewerFormat { found: 9 }, &texts).unwrap_err().to_string();
        assert!(newer.starts_with("r.json: record format version 9"), "{newer}");
        let bare = judge(path, RecordError::Format { found: String::new() }, &texts).unwrap_err().to_string();
        assert!(bare.contains("--form"), "{bare}");
    }

    #[test]
    fn messages_come_from_texts_when_they_have_one() {
        let texts = Texts::from_json(r#"{"lang":"de","ui":{"record.otherForm":"Für {found} statt {expected}."}}"#)
            .unwrap_or_default();
        let other = RecordError::OtherForm { found: "a".into(), expected: "b".into() };
        assert_eq!(message(&other, &texts), "Für a statt b.");
        assert!(message(&RecordError::Digest, &texts).starts_with("data does not match its digest"));
        let older = ImportNotice::OlderFormVersion { found: "1.0.0".into(), installed: "1.1.0".into() };
        assert!(notice("f", &older, &texts).starts_with("record was made with version 1.0.0 of form f"));
        let texts =
            Texts::from_json(r#"{"lang":"de","ui":{"record.notice.olderFormVersion":"{found} < {installed}"}}"#)
                .unwrap_or_default();
        assert_eq!(notice("f", &older, &texts), "1.0.0 < 1.1.0");
    }
}
