//! The record: what leaves Bogen and what case stores import.
//!
//! A versioned JSON envelope around the form data, described for case stores in
//! `forms/record.schema.json`, so any system can check a record without Bogen. The data's digest
//! (SHA-256 over RFC 8785 canonical JSON) shows whether the data was changed outside Bogen.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::bundle::FormBundle;
use crate::canonical;
use crate::limits::{self, JsonError};
use crate::profile::Profile;
use crate::signature::Signature;

/// Name of the envelope format, in every record's `format`.
pub const FORMAT: &str = "bogen-record";
/// The newest envelope version this build reads and the one it writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Record {
    pub format: String,
    pub format_version: u32,
    pub form: FormRef,
    /// RFC 3339 timestamps, set by the caller (core has no clock).
    pub created: String,
    pub modified: String,
    /// Language the form was filled in (BCP 47).
    pub lang: String,
    pub data: Value,
    /// `sha256:<hex>` over the canonical JSON of `data`.
    pub data_hash: String,
    /// Signatures over the data; each carries the digest of the data it covers.
    #[serde(default)]
    pub signatures: Vec<Signature>,
    /// The Träger whose portal made the record (its profile), for the PDF's header and for
    /// case stores; outside `data` and its digest, like the signatures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traeger: Option<Profile>,
}

/// Which form, in which version, a record was made with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FormRef {
    pub id: String,
    pub version: String,
    pub schema_hash: String,
}

/// Why a record cannot be imported. `Display` is English (CLI); [`RecordError::code`] and
/// [`RecordError::params`] let the browser show the message from its German texts.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecordError {
    #[error("{0}")]
    Json(#[from] JsonError),
    #[error("not a Bogen record: {0}")]
    Shape(String),
    #[error("format {found:?} is not {FORMAT:?}")]
    Format { found: String },
    #[error("record format version {found} is newer than this Bogen reads ({FORMAT_VERSION}); update Bogen")]
    NewerFormat { found: u32 },
    #[error("record is for form {found:?}, which is not known here")]
    UnknownForm { found: String },
    #[error("record is for form {found:?}, not {expected:?}")]
    OtherForm { found: String, expected: String },
    #[error("record was made with form version {found}, newer than the installed {installed}; update the form")]
    NewerForm { found: String, installed: String },
    #[error("data does not match its digest: the file was changed outside Bogen or is damaged")]
    Digest,
}

impl RecordError {
    /// A stable code for the message text (`ui` key `record.<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            RecordError::Json(_) => "json",
            RecordError::Shape(_) => "shape",
            RecordError::Format { .. } => "format",
            RecordError::NewerFormat { .. } => "newerFormat",
            RecordError::UnknownForm { .. } => "unknownForm",
            RecordError::OtherForm { .. } => "otherForm",
            RecordError::NewerForm { .. } => "newerForm",
            RecordError::Digest => "digest",
        }
    }

    /// Values for the placeholders of the message text.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            RecordError::Json(e) => vec![("detail", e.to_string())],
            RecordError::Shape(d) => vec![("detail", d.clone())],
            RecordError::Format { found } => vec![("found", found.clone())],
            RecordError::NewerFormat { found } => vec![("found", found.to_string())],
            RecordError::UnknownForm { found } => vec![("found", found.clone())],
            RecordError::OtherForm { found, expected } => {
                vec![("found", found.clone()), ("expected", expected.clone())]
            }
            RecordError::NewerForm { found, installed } => {
                vec![("found", found.clone()), ("installed", installed.clone())]
            }
            RecordError::Digest => vec![],
        }
    }
}

/// Something worth telling the person who imports a record, though the import goes ahead.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportNotice {
    /// Made with an older version of the form; fields may have been added or renamed since.
    OlderFormVersion { found: String, installed: String },
    /// Same version, but the schema differs from the one the record was made with.
    SchemaChanged,
}

impl ImportNotice {
    /// A stable code for the message text (`ui` key `record.notice.<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            ImportNotice::OlderFormVersion { .. } => "olderFormVersion",
            ImportNotice::SchemaChanged => "schemaChanged",
        }
    }

    /// Values for the placeholders of the message text.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            ImportNotice::OlderFormVersion { found, installed } => {
                vec![("found", found.clone()), ("installed", installed.clone())]
            }
            ImportNotice::SchemaChanged => vec![],
        }
    }
}

impl Record {
    /// Wraps data in a new record. `now` is an RFC 3339 timestamp.
    pub fn new(bundle: &FormBundle, data: Value, lang: &str, now: &str) -> Record {
        Record {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            form: FormRef {
                id: bundle.id.clone(),
                version: bundle.version.to_string(),
                schema_hash: bundle.schema_hash.clone(),
            },
            created: now.into(),
            modified: now.into(),
            lang: lang.into(),
            data_hash: canonical::digest(&data),
            data,
            signatures: Vec::new(),
            traeger: None,
        }
    }

    /// Replaces the data, keeping `created`; updates `modified` and the digest.
    pub fn update(&mut self, bundle: &FormBundle, data: Value, now: &str) {
        self.form = FormRef {
            id: bundle.id.clone(),
            version: bundle.version.to_string(),
            schema_hash: bundle.schema_hash.clone(),
        };
        self.data_hash = canonical::digest(&data);
        self.data = data;
        self.modified = now.into();
    }

    /// Reads a record's envelope (within the size and depth limits) and checks its digest;
    /// does not yet say whether the form is known, see [`Record::check`].
    pub fn parse(text: &str) -> Result<Record, RecordError> {
        let value = limits::parse_json(text)?;
        let format = value.get("format").and_then(Value::as_str).unwrap_or_default();
        if format != FORMAT {
            return Err(RecordError::Format { found: format.into() });
        }
        if let Some(v) = value.get("formatVersion").and_then(Value::as_u64) {
            if v > u64::from(FORMAT_VERSION) {
                return Err(RecordError::NewerFormat { found: v.min(u64::from(u32::MAX)) as u32 });
            }
        }
        let record: Record = serde_json::from_value(value).map_err(|e| RecordError::Shape(e.to_string()))?;
        if canonical::digest(&record.data) != record.data_hash {
            return Err(RecordError::Digest);
        }
        Ok(record)
    }

    /// Checks that the record belongs to `bundle` and says what the importer should know.
    pub fn check(&self, bundle: &FormBundle) -> Result<Vec<ImportNotice>, RecordError> {
        if self.form.id != bundle.id {
            return Err(RecordError::OtherForm { found: self.form.id.clone(), expected: bundle.id.clone() });
        }
        let found = semver::Version::parse(&self.form.version)
            .map_err(|e| RecordError::Shape(format!("form.version {:?}: {e}", self.form.version)))?;
        let mut notices = Vec::new();
        if found > bundle.version {
            return Err(RecordError::NewerForm { found: found.to_string(), installed: bundle.version.to_string() });
        } else if found < bundle.version {
            notices.push(ImportNotice::OlderFormVersion {
                found: found.to_string(),
                installed: bundle.version.to_string(),
            });
        } else if self.form.schema_hash != bundle.schema_hash {
            notices.push(ImportNotice::SchemaChanged);
        }
        Ok(notices)
    }

    /// Pretty JSON, as saved to a file.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a record serialises: all keys are strings")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn bundle(version: &str) -> FormBundle {
        let schema = format!(
            r#"{{"$id":"urn:bogen:form:probe:{version}","type":"object","properties":{{"a":{{"type":"string"}}}}}}"#
        );
        FormBundle::from_json(&schema, "{}", r#"{"lang":"de"}"#).unwrap()
    }

    #[test]
    fn a_record_survives_its_own_json() {
        let b = bundle("1.0.0");
        let r = Record::new(&b, json!({"a": "ü"}), "de", "2026-11-30T10:00:00Z");
        let back = Record::parse(&r.to_json()).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.check(&b).unwrap(), vec![]);
    }

    #[test]
    fn changed_data_is_noticed() {
        let r = Record::new(&bundle("1.0.0"), json!({"a": "x"}), "de", "t");
        let text = r.to_json().replace("\"a\": \"x\"", "\"a\": \"y\"");
        assert_eq!(Record::parse(&text), Err(RecordError::Digest));
    }

    #[test]
    fn versions_are_compared() {
        let r = Record::new(&bundle("1.1.0"), json!({}), "de", "t");
        assert!(matches!(r.check(&bundle("1.0.0")), Err(RecordError::NewerForm { .. })));
        assert!(matches!(r.check(&bundle("2.0.0")).unwrap()[..], [ImportNotice::OlderFormVersion { .. }]));
        let mut newer = serde_json::to_value(&r).unwrap();
        newer["formatVersion"] = json!(2);
        assert_eq!(Record::parse(&newer.to_string()), Err(RecordError::NewerFormat { found: 2 }));
        assert!(matches!(Record::parse(r#"{"format":"x"}"#), Err(RecordError::Format { .. })));
        assert!(matches!(Record::parse(r#"{"format":"bogen-record"}"#), Err(RecordError::Shape(_))));
        assert!(matches!(Record::parse("nope"), Err(RecordError::Json(_))));
    }
}
