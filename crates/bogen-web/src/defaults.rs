//! What new data starts as: the schema's `default`s, the `const`s of hidden fields, an empty
//! object for every group (so `required` inside it can name the missing field) and `minItems`
//! blank items.
//!
//! The `const` of a field people see is a condition, not a value: a consent that must be `true`
//! starts unticked, and only the person ticks it.

use bogen_core::ui::UiNode;
use serde_json::{Map, Value};

/// Follows local `$ref`s; an unresolvable reference yields the reference itself, which has no
/// properties, so nothing is filled in rather than something wrong.
pub fn resolve<'a>(root: &'a Value, mut schema: &'a Value) -> &'a Value {
    for _ in 0..32 {
        match schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')) {
            Some(pointer) => match root.pointer(pointer) {
                Some(target) => schema = target,
                None => return schema,
            },
            None => return schema,
        }
    }
    schema
}

fn hidden(ui: UiNode<'_>) -> bool {
    ui.widget().as_deref() == Some("hidden")
}

/// The value a new field starts with, or `None` when it starts empty.
pub fn blank(root: &Value, schema: &Value, ui: UiNode<'_>) -> Option<Value> {
    blank_at(root, schema, ui, 0)
}

fn blank_at(root: &Value, schema: &Value, ui: UiNode<'_>, depth: usize) -> Option<Value> {
    let schema = resolve(root, schema);
    if depth > 32 {
        return None;
    }
    if let (true, Some(c)) = (hidden(ui), schema.get("const")) {
        return Some(c.clone());
    }
    if let Some(d) = schema.get("default") {
        return Some(d.clone());
    }
    if let Some(props) = properties(schema) {
        let mut map = Map::new();
        for (name, child) in props {
            if let Some(v) = blank_at(root, child, ui.child(name), depth + 1) {
                map.insert(name.clone(), v);
            }
        }
        return Some(Value::Object(map));
    }
    if is_type(schema, "array") {
        let min = schema.get("minItems").and_then(Value::as_u64).unwrap_or(0);
        if min > 0 {
            let item =
                schema.get("items").and_then(|i| blank_at(root, i, ui.items(), depth + 1)).unwrap_or(Value::Null);
            return Some(Value::Array(vec![item; min.min(1000) as usize]));
        }
    }
    None
}

/// Fills what data from outside lacks but the form cannot ask for: constants of hidden fields
/// and the objects of groups. Present values are never changed, so a record keeps what was
/// agreed to (e.g. an older declaration version).
pub fn complete(root: &Value, schema: &Value, ui: UiNode<'_>, data: &mut Value) {
    complete_at(root, schema, ui, data, 0)
}

fn complete_at(root: &Value, schema: &Value, ui: UiNode<'_>, data: &mut Value, depth: usize) {
    let schema = resolve(root, schema);
    if depth > 32 {
        return;
    }
    match data {
        Value::Object(map) => {
            let Some(props) = properties(schema) else { return };
            for (name, child) in props {
                let child_ui = ui.child(name);
                match map.get_mut(name) {
                    Some(value) => complete_at(root, child, child_ui, value, depth + 1),
                    None => {
                        let child = resolve(root, child);
                        if let (true, Some(c)) = (hidden(child_ui), child.get("const")) {
                            map.insert(name.clone(), c.clone());
                        } else if properties(child).is_some() {
                            let mut value = Value::Object(Map::new());
                            complete_at(root, child, child_ui, &mut value, depth + 1);
                            map.insert(name.clone(), value);
                        }
                    }
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = schema.get("items") {
                for value in items {
                    complete_at(root, item, ui.items(), value, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn properties(schema: &Value) -> Option<&Map<String, Value>> {
    if !is_type(schema, "object") && schema.get("properties").is_none() {
        return None;
    }
    schema.get("properties").and_then(Value::as_object).or(Some(empty()))
}

fn empty() -> &'static Map<String, Value> {
    static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Map::new)
}

fn is_type(schema: &Value, ty: &str) -> bool {
    match schema.get("type") {
        Some(Value::String(t)) => t == ty,
        Some(Value::Array(ts)) => ts.iter().any(|t| t == ty),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn hide_version() -> Value {
        json!({"version": {"ui:widget": "hidden"}})
    }

    #[test]
    fn new_data_has_hidden_constants_defaults_groups_and_min_items() {
        let schema = json!({
            "type": "object",
            "$defs": {"ziel": {"type": "object", "properties": {"status": {"type": "string", "default": "offen"}}}},
            "properties": {
                "version": {"const": "2026-01"},
                "zustimmung": {"type": "boolean", "const": true},
                "person": {"type": "object", "properties": {"name": {"type": "string"}}},
                "ziele": {"type": "array", "minItems": 2, "items": {"$ref": "#/$defs/ziel"}},
                "notizen": {"type": "array", "items": {"type": "string"}},
                "name": {"type": "string"}
            }
        });
        assert_eq!(
            blank(&schema, &schema, UiNode::root(&hide_version())),
            Some(json!({"version": "2026-01", "person": {}, "ziele": [{"status": "offen"}, {"status": "offen"}]}))
        );
    }

    #[test]
    fn completing_adds_missing_constants_and_groups_only() {
        let schema = json!({"type": "object", "properties": {
            "version": {"const": "2026-01"},
            "person": {"type": "object", "properties": {"name": {"type": "string", "default": "x"}}}}});
        let ui = hide_version();
        let mut data = json!({"version": "2025-01"});
        complete(&schema, &schema, UiNode::root(&ui), &mut data);
        assert_eq!(data, json!({"version": "2025-01", "person": {}}));
        let mut data = json!({});
        complete(&schema, &schema, UiNode::root(&ui), &mut data);
        assert_eq!(data, json!({"version": "2026-01", "person": {}}));
    }
}
