//! Validation with a schema compiled once per form, so a keystroke costs one pass over the data
//! and no compilation. The engine is the `jsonschema` crate in JSON Schema 2020-12 mode with
//! `format` asserted (a date must be a date), the same in the browser and on the command line.

use serde_json::Value;

use crate::path;

/// A compiled form schema.
pub struct Validator {
    compiled: jsonschema::Validator,
}

/// One rule the data breaks, bound to the field it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// JSON pointer of the field. For a missing required property this is the property itself,
    /// not its parent object, so the message lands at the empty input.
    pub pointer: String,
    /// The JSON Schema keyword, e.g. `required`, `minLength`, `format`.
    pub keyword: String,
    /// Parameters for the message: `limit`, `format`, `pattern`, `expected`.
    pub params: Vec<(&'static str, String)>,
}

/// Why a schema cannot be compiled.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("schema is not valid JSON Schema 2020-12 at {at}: {reason}")]
pub struct SchemaError {
    pub at: String,
    pub reason: String,
}

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

/// `string`, or `string or null`, for messages.
fn type_names(kind: &jsonschema::error::TypeKind) -> String {
    match kind {
        jsonschema::error::TypeKind::Single(t) => t.to_string(),
        jsonschema::error::TypeKind::Multiple(set) => {
            set.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(" or ")
        }
    }
}

fn pointer_or_root(p: &str) -> String {
    if p.is_empty() {
        "/".into()
    } else {
        p.to_owned()
    }
}

#[cfg(test)]
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
