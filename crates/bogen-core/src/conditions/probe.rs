//! The `if` of a follow-up question, decided without a JSON Schema validator.
//!
//! Whether a follow-up question shows must be known while the form renders, before the
//! browser's validator module has arrived (it is loaded after the form is on screen, so the
//! form opens fast). A condition asks small things of an object, "is `status` one of these",
//! "does the list contain that", so conditions may use the keywords below and nothing else; a
//! schema whose condition uses another keyword is refused when it is loaded, with the place.
//! The verdicts are JSON Schema 2020-12's (tests compare them with the `jsonschema` crate), and
//! the command line decides with the same code, so screen, export and validator agree.

use serde_json::Value;

use super::resolve;
use crate::validation::SchemaError;

/// Keywords a condition may use. Annotations (`title`, …) are allowed and mean nothing here.
pub const SUPPORTED: &[&str] = &[
    "type",
    "const",
    "enum",
    "required",
    "properties",
    "contains",
    "not",
    "allOf",
    "anyOf",
    "oneOf",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "$ref",
];

const ANNOTATIONS: &[&str] = &["title", "description", "$comment", "default", "examples", "deprecated"];

/// A condition's schema, checked once to use only [`SUPPORTED`] keywords.
pub(crate) struct Probe {
    schema: Value,
    /// The form schema's `$defs`, which a condition's `$ref` may point into.
    defs: Value,
}

impl Probe {
    /// Checks `schema` (found at `at` in `root`) and keeps it with the definitions it may use.
    pub fn compile(root: &Value, schema: &Value, at: &str) -> Result<Probe, SchemaError> {
        check(root, schema, at, 0)?;
        let defs = root.get("$defs").map(|d| serde_json::json!({ "$defs": d })).unwrap_or(Value::Null);
        Ok(Probe { schema: schema.clone(), defs })
    }

    /// Whether `value` meets the condition.
    pub fn holds(&self, value: &Value) -> bool {
        holds(&self.defs, &self.schema, value, 0)
    }
}

/// Deepest nesting of a condition; a form's conditions are a few levels deep.
const MAX_DEPTH: usize = 16;

fn unsupported(at: &str, reason: String) -> SchemaError {
    SchemaError { at: at.to_owned(), reason: format!("condition cannot be decided: {reason}") }
}

fn check(root: &Value, schema: &Value, at: &str, depth: usize) -> Result<(), SchemaError> {
    if depth > MAX_DEPTH {
        return Err(unsupported(at, format!("nested deeper than {MAX_DEPTH} levels")));
    }
    let map = match schema {
        Value::Bool(_) => return Ok(()),
        Value::Object(map) => map,
        _ => return Err(unsupported(at, "a schema must be an object or a boolean".into())),
    };
    for (keyword, value) in map {
        let here = format!("{at}/{}", crate::path::escape(keyword));
        let bad = |what: &str| Err(unsupported(&here, format!("`{keyword}` must be {what}")));
        match keyword.as_str() {
            k if ANNOTATIONS.contains(&k) => {}
            "type" => {
                let names: Vec<&Value> = match value {
                    Value::Array(list) => list.iter().collect(),
                    one => vec![one],
                };
                if !names.iter().all(|n| n.as_str().is_some_and(|n| TYPES.contains(&n))) {
                    return bad("a type name or a list of them");
                }
            }
            "const" => {}
            "enum" if value.is_array() => {}
            "required" if value.as_array().is_some_and(|l| l.iter().all(Value::is_string)) => {}
            "properties" if value.is_object() => {
                for (name, sub) in value.as_object().into_iter().flatten() {
                    check(root, sub, &format!("{here}/{}", crate::path::escape(name)), depth + 1)?;
                }
            }
            "contains" | "not" => check(root, value, &here, depth + 1)?,
            "allOf" | "anyOf" | "oneOf" if value.as_array().is_some_and(|l| !l.is_empty()) => {
                for (i, sub) in value.as_array().into_iter().flatten().enumerate() {
                    check(root, sub, &format!("{here}/{i}"), depth + 1)?;
                }
            }
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" if value.is_number() => {}
            "minLength" | "maxLength" | "minItems" | "maxItems" if value.as_u64().is_some() => {}
            "$ref" => {
                let target = value.as_str().and_then(|r| r.strip_prefix('#')).and_then(|p| root.pointer(p));
                match target {
                    Some(target) => check(root, target, &here, depth + 1)?,
                    None => return bad("a reference into this schema (#/…) that exists"),
                }
            }
            "enum" => return bad("a list"),
            "required" => return bad("a list of names"),
            "properties" => return bad("an object"),
            "allOf" | "anyOf" | "oneOf" => return bad("a non-empty list of schemas"),
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" => return bad("a number"),
            "minLength" | "maxLength" | "minItems" | "maxItems" => return bad("a whole number ≥ 0"),
            other => {
                return Err(unsupported(
                    &here,
                    format!("`{other}` is not one of the keywords conditions may use ({})", SUPPORTED.join(", ")),
                ))
            }
        }
    }
    Ok(())
}

const TYPES: &[&str] = &["null", "boolean", "object", "array", "number", "integer", "string"];

fn holds(defs: &Value, schema: &Value, value: &Value, depth: usize) -> bool {
    let map = match schema {
        Value::Bool(b) => return *b,
        Value::Object(map) => map,
        _ => return false,
    };
    if depth > MAX_DEPTH {
        return false;
    }
    let deeper = |sub: &Value, v: &Value| holds(defs, sub, v, depth + 1);
    map.iter().all(|(keyword, rule)| match keyword.as_str() {
        "type" => match rule {
            Value::Array(list) => list.iter().filter_map(Value::as_str).any(|t| is_type(value, t)),
            one => one.as_str().is_some_and(|t| is_type(value, t)),
        },
        "const" => equal(rule, value),
        "enum" => rule.as_array().is_some_and(|l| l.iter().any(|c| equal(c, value))),
        "required" => match value.as_object() {
            Some(object) => {
                rule.as_array().into_iter().flatten().filter_map(Value::as_str).all(|n| object.contains_key(n))
            }
            None => true,
        },
        "properties" => match (value.as_object(), rule.as_object()) {
            (Some(object), Some(props)) => {
                props.iter().all(|(name, sub)| object.get(name).is_none_or(|v| deeper(sub, v)))
            }
            _ => true,
        },
        "contains" => value.as_array().is_none_or(|items| items.iter().any(|item| deeper(rule, item))),
        "not" => !deeper(rule, value),
        "allOf" => rule.as_array().into_iter().flatten().all(|sub| deeper(sub, value)),
        "anyOf" => rule.as_array().into_iter().flatten().any(|sub| deeper(sub, value)),
        "oneOf" => rule.as_array().into_iter().flatten().filter(|sub| deeper(sub, value)).count() == 1,
        "minimum" => compare(value, rule, |v, l| v >= l),
        "maximum" => compare(value, rule, |v, l| v <= l),
        "exclusiveMinimum" => compare(value, rule, |v, l| v > l),
        "exclusiveMaximum" => compare(value, rule, |v, l| v < l),
        "minLength" => length(value, rule, |n, l| n >= l),
        "maxLength" => length(value, rule, |n, l| n <= l),
        "minItems" => items(value, rule, |n, l| n >= l),
        "maxItems" => items(value, rule, |n, l| n <= l),
        "$ref" => {
            let target = rule.as_str().and_then(|r| r.strip_prefix('#')).and_then(|p| defs.pointer(p));
            target.is_some_and(|t| deeper(resolve(defs, t), value))
        }
        _ => true,
    })
}

fn is_type(value: &Value, name: &str) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "number" => value.is_number(),
        "string" => value.is_string(),
        // 2020-12: a number with a zero fractional part is an integer, `1.0` too.
        "integer" => value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0),
        _ => false,
    }
}

/// JSON Schema equality: numbers by value (`1` equals `1.0`), objects regardless of key order.
fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
            (Some(x), Some(y), _, _) => x == y,
            (_, _, Some(x), Some(y)) => x == y,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| equal(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| equal(v, w)))
        }
        _ => a == b,
    }
}

fn compare(value: &Value, limit: &Value, ok: impl Fn(f64, f64) -> bool) -> bool {
    match (value.as_f64(), limit.as_f64()) {
        (Some(v), Some(l)) => ok(v, l),
        _ => true,
    }
}

fn length(value: &Value, limit: &Value, ok: impl Fn(u64, u64) -> bool) -> bool {
    match (value.as_str(), limit.as_u64()) {
        (Some(s), Some(l)) => ok(s.chars().count() as u64, l),
        _ => true,
    }
}

fn items(value: &Value, limit: &Value, ok: impl Fn(u64, u64) -> bool) -> bool {
    match (value.as_array(), limit.as_u64()) {
        (Some(list), Some(l)) => ok(list.len() as u64, l),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn probe(schema: Value) -> Probe {
        Probe::compile(&json!({"$defs": {"ja": {"const": true}}}), &schema, "/if").unwrap()
    }

    #[test]
    fn the_conditions_forms_use_are_decided() {
        let p = probe(json!({"properties": {"status": {"enum": ["p25a", "p25b"]}}, "required": ["status"]}));
        assert!(p.holds(&json!({"status": "p25b"})));
        assert!(!p.holds(&json!({"status": "duldung"})) && !p.holds(&json!({})));
        let p = probe(json!({"properties": {"z": {"contains": {"const": "neu"}}}, "required": ["z"]}));
        assert!(p.holds(&json!({"z": ["alt", "neu"]})) && !p.holds(&json!({"z": []})));
        let p = probe(json!({"properties": {"x": {"$ref": "#/$defs/ja"}}}));
        assert!(p.holds(&json!({"x": true})) && !p.holds(&json!({"x": false})) && p.holds(&json!({})));
        assert!(probe(json!({"properties": {"n": {"const": 1}}})).holds(&json!({"n": 1.0})));
    }

    #[test]
    fn other_keywords_are_refused_with_their_place() {
        let root = json!({});
        let e = Probe::compile(&root, &json!({"properties": {"a": {"pattern": "^x"}}}), "/if").err().unwrap();
        assert_eq!(e.at, "/if/properties/a/pattern");
        assert!(e.reason.contains("`pattern`"), "{}", e.reason);
        let e = Probe::compile(&root, &json!({"minLength": -1}), "/if").err().unwrap();
        assert_eq!(e.at, "/if/minLength");
        let e = Probe::compile(&root, &json!({"$ref": "#/$defs/gibtsnicht"}), "/if").err().unwrap();
        assert_eq!(e.at, "/if/$ref");
    }

    /// The verdicts agree with a full JSON Schema 2020-12 validator on every keyword.
    #[cfg(feature = "jsonschema")]
    #[test]
    fn verdicts_agree_with_jsonschema() {
        let schemas = [
            json!({"properties": {"a": {"const": "x"}}, "required": ["a"]}),
            json!({"properties": {"a": {"enum": [1, "1", null, [1], {"k": 1}]}}}),
            json!({"properties": {"a": {"contains": {"type": "integer", "minimum": 2}}}}),
            json!({"not": {"required": ["a"]}}),
            json!({"anyOf": [{"required": ["a"]}, {"required": ["b"]}]}),
            json!({"oneOf": [{"required": ["a"]}, {"required": ["b"]}]}),
            json!({"allOf": [{"properties": {"a": {"type": ["string", "null"]}}}, {"required": ["a"]}]}),
            json!({"properties": {"a": {"minLength": 2, "maxLength": 3}, "b": {"minItems": 1, "maxItems": 2}}}),
            json!({"properties": {"a": {"exclusiveMinimum": 0, "exclusiveMaximum": 10}, "b": {"maximum": 1.5}}}),
            json!({"type": "object", "properties": {"a": {"$ref": "#/$defs/ja"}}}),
            json!({"properties": {"a": false, "b": true}}),
        ];
        let values = [
            json!({}),
            json!({"a": "x"}),
            json!({"a": "xy"}),
            json!({"a": "äöü"}),
            json!({"a": "äöüß"}),
            json!({"a": 1}),
            json!({"a": 1.0}),
            json!({"a": 0}),
            json!({"a": 10}),
            json!({"a": 2.5}),
            json!({"a": "1"}),
            json!({"a": null}),
            json!({"a": [1]}),
            json!({"a": [1.0, 3]}),
            json!({"a": [0, 1]}),
            json!({"a": {"k": 1.0}}),
            json!({"a": true}),
            json!({"b": 1}),
            json!({"b": 1.5}),
            json!({"b": 2}),
            json!({"b": []}),
            json!({"b": [1, 2, 3]}),
            json!({"a": "x", "b": [1]}),
            json!([1]),
            json!("x"),
        ];
        let root = json!({"$defs": {"ja": {"const": true}}});
        for schema in &schemas {
            let probe = Probe::compile(&root, schema, "/if").unwrap();
            let mut document = schema.clone();
            document["$defs"] = root["$defs"].clone();
            let reference = jsonschema::draft202012::new(&document).unwrap();
            for value in &values {
                assert_eq!(probe.holds(value), reference.is_valid(value), "{schema} on {value}");
            }
        }
    }
}
