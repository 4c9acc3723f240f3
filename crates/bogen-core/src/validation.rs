//! Validation with a schema compiled once per form, so a keystroke costs one pass over the data
//! and no compilation. The engine is the `jsonschema` crate in JSON Schema 2020-12 mode with
//! `format` asserted (a date must be a date), the same in the browser and on the command line.
//!
//! [`Violation`] is what every verdict is made of, wherever it was found: the browser's form
//! engine is built without the `jsonschema` feature and gets its violations from the validator
//! module (crates/bogen-check, this very code), as JSON.

#[cfg(feature = "jsonschema")]
use serde_json::Value;

#[cfg(feature = "jsonschema")]
use crate::path;

/// A compiled form schema.
#[cfg(feature = "jsonschema")]
pub struct Validator {
    compiled: jsonschema::Validator,
}

/// One rule the data breaks, bound to the field it concerns.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Violation {
    /// JSON pointer of the field. For a missing required property this is the property itself,
    /// not its parent object, so the message lands at the empty input.
    pub pointer: String,
    /// The JSON Schema keyword, e.g. `required`, `minLength`, `format`.
    pub keyword: String,
    /// Parameters for the message: `limit`, `format`, `pattern`, `expected`.
    #[serde(with = "params")]
    pub params: Vec<(&'static str, String)>,
}

/// Why a schema cannot be compiled.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("schema is not valid JSON Schema 2020-12 at {at}: {reason}")]
pub struct SchemaError {
    pub at: String,
    pub reason: String,
}

#[cfg(feature = "jsonschema")]
impl Validator {
    pub fn compile(schema: &Value) -> Result<Validator, SchemaError> {
        if let Some(dialect) = schema.get("$schema").and_then(Value::as_str) {
            if dialect.trim_end_matches('#') != "https://json-schema.org/draft/2020-12/schema" {
                return Err(SchemaError { at: "/$schema".into(), reason: format!("dialect {dialect} is not 2020-12") });
            }
        }
        if let Err(e) = jsonschema::meta::validate(schema) {
            return Err(SchemaError { at: pointer_or_root(e.instance_path().as_str()), reason: e.to_string() });
        }
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(schema)
            .map(|compiled| Validator { compiled })
            .map_err(|e| SchemaError { at: pointer_or_root(e.schema_path().as_str()), reason: e.to_string() })
    }

    pub fn is_valid(&self, data: &Value) -> bool {
        self.compiled.is_valid(data)
    }

    /// Every rule the data breaks, in the order the validator finds them.
    pub fn violations(&self, data: &Value) -> Vec<Violation> {
        let mut out = Vec::new();
        for error in self.compiled.iter_errors(data) {
            let at = error.instance_path().as_str().to_owned();
            use jsonschema::error::ValidationErrorKind as K;
            let kind = error.kind();
            let keyword = kind.keyword().to_owned();
            let mut params: Vec<(&'static str, String)> = Vec::new();
            let pointer = match kind {
                K::Required { property } => path::join(&at, property.as_str().unwrap_or_default()),
                K::AdditionalProperties { unexpected } | K::UnevaluatedProperties { unexpected } => {
                    for name in unexpected {
                        out.push(Violation {
                            pointer: path::join(&at, name),
                            keyword: keyword.clone(),
                            params: vec![],
                        });
                    }
                    continue;
                }
                _ => at,
            };
            match kind {
                K::MinLength { limit } | K::MaxLength { limit } | K::MinItems { limit } | K::MaxItems { limit } => {
                    params.push(("limit", limit.to_string()))
                }
                K::Minimum { limit }
                | K::Maximum { limit }
                | K::ExclusiveMinimum { limit }
                | K::ExclusiveMaximum { limit } => params.push(("limit", limit.to_string())),
                K::Format { format } => params.push(("format", format.clone())),
                K::Pattern { pattern } => params.push(("pattern", pattern.clone())),
                K::Type { kind } => params.push(("expected", type_names(kind))),
                _ => {}
            }
            out.push(Violation { pointer, keyword, params });
        }
        out
    }
}

/// Parameters cross as a JSON object; their names are the few messages use.
mod params {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::BTreeMap;

    const NAMES: &[&str] = &["limit", "format", "pattern", "expected"];

    pub fn serialize<S: Serializer>(params: &[(&'static str, String)], s: S) -> Result<S::Ok, S::Error> {
        params.iter().map(|(k, v)| (*k, v)).collect::<BTreeMap<_, _>>().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(&'static str, String)>, D::Error> {
        let map = BTreeMap::<String, String>::deserialize(d)?;
        Ok(map.into_iter().filter_map(|(k, v)| NAMES.iter().find(|n| **n == k).map(|n| (*n, v))).collect())
    }
}

/// `string`, or `string or null`, for messages.
#[cfg(feature = "jsonschema")]
fn type_names(kind: &jsonschema::error::TypeKind) -> String {
    match kind {
        jsonschema::error::TypeKind::Single(t) => t.to_string(),
        jsonschema::error::TypeKind::Multiple(set) => {
            set.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(" or ")
        }
    }
}

#[cfg(feature = "jsonschema")]
fn pointer_or_root(p: &str) -> String {
    if p.is_empty() {
        "/".into()
    } else {
        p.to_owned()
    }
}

#[cfg(all(test, feature = "jsonschema"))]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> Value {
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "required": ["name", "datum"],
            "additionalProperties": false,
            "properties": {
                "name": {"type": "string", "minLength": 2},
                "datum": {"type": "string", "format": "date"},
                "plz": {"type": "string", "pattern": "^[0-9]{5}$"}
            }
        })
    }

    #[test]
    fn required_binds_to_the_missing_field() {
        let v = Validator::compile(&schema()).unwrap();
        let found = v.violations(&json!({}));
        let pointers: Vec<&str> = found.iter().map(|v| v.pointer.as_str()).collect();
        assert!(pointers.contains(&"/name") && pointers.contains(&"/datum"), "{found:?}");
        assert!(found.iter().all(|v| v.keyword == "required"));
    }

    #[test]
    fn formats_are_asserted_and_limits_reported() {
        let v = Validator::compile(&schema()).unwrap();
        let found = v.violations(&json!({"name": "A", "datum": "2024-02-30", "plz": "4082", "x": 1}));
        let by_kw = |k: &str| found.iter().find(|v| v.keyword == k).cloned().unwrap();
        assert_eq!(by_kw("minLength").params, vec![("limit", "2".to_string())]);
        assert_eq!(by_kw("format").pointer, "/datum");
        assert_eq!(by_kw("pattern").pointer, "/plz");
        assert_eq!(by_kw("additionalProperties").pointer, "/x");
        assert!(v.is_valid(&json!({"name": "Amal", "datum": "2024-02-29"})));
    }

    #[test]
    fn broken_schemas_are_errors() {
        assert!(Validator::compile(&json!({"type": "strnig"})).is_err());
        assert!(Validator::compile(&json!({"$schema": "http://json-schema.org/draft-07/schema#"})).is_err());
        assert!(Validator::compile(&json!({"properties": {"a": {"minLength": -1}}})).is_err());
    }
}
