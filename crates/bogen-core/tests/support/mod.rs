//! What the form tests share: reading the forms from disk and probing them.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use bogen_core::{Field, FieldError, FieldKind, FormBundle, Texts};
use serde_json::Value;

pub const FORMS: [&str; 4] = ["screening", "assessment", "datenschutz", "hilfeplan"];

pub fn forms_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../forms")
}

pub fn read(path: &str) -> String {
    let full = forms_dir().join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

pub fn json_file(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The form's own German texts, without the shared ones.
pub fn form_texts(id: &str) -> Texts {
    Texts::from_json(&read(&format!("{id}/i18n/de.json"))).unwrap_or_else(|e| panic!("{id}/i18n/de.json: {e}"))
}

/// Shared German texts with the form's laid over them, as every renderer loads them.
pub fn texts(id: &str) -> Texts {
    let common = Texts::from_json(&read("common/i18n/de.json")).expect("common/i18n/de.json");
    common.layered(form_texts(id))
}

pub fn bundle(id: &str) -> FormBundle {
    let texts = serde_json::to_string(&texts(id)).unwrap();
    FormBundle::from_json(&read(&format!("{id}/schema.json")), &read(&format!("{id}/ui.json")), &texts)
        .unwrap_or_else(|e| panic!("form {id} does not load: {e}"))
}

pub fn example(id: &str, name: &str) -> Value {
    json_file(&format!("{id}/examples/{name}.json"))
}

pub fn show(errors: &[FieldError]) -> String {
    errors.iter().map(|e| format!("\n  {}: {}", e.pointer, e.message)).collect()
}

/// Asserts the data is invalid with a message at `pointer`, and returns that message.
pub fn message_at(form: &FormBundle, data: &Value, pointer: &str) -> String {
    let errors = form.validate(data);
    assert!(!form.is_valid(data), "{}: expected invalid data, got none", form.id);
    match errors.iter().find(|e| e.pointer == pointer) {
        Some(e) => {
            assert!(!e.message.contains('{'), "{}: unfilled placeholder in {:?}", form.id, e.message);
            e.message.clone()
        }
        None => panic!("{}: expected a message at {pointer}, got:{}", form.id, show(&errors)),
    }
}

/// The message a field's own texts give for `keyword`.
pub fn own_message(form: &FormBundle, key: &str, keyword: &str) -> String {
    form.texts
        .field(key)
        .and_then(|t| t.errors.get(keyword))
        .unwrap_or_else(|| panic!("{}: {key} has no own message for {keyword}", form.id))
        .clone()
}

/// Sets (or with `None` removes) the value at a JSON pointer of a copy of `data`.
pub fn with(data: &Value, pointer: &str, value: Option<Value>) -> Value {
    let mut data = data.clone();
    let (parent, last) = pointer.rsplit_once('/').expect("pointer");
    let target = data.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent} in the example"));
    match (target, value) {
        (Value::Object(map), Some(v)) => {
            map.insert(last.to_owned(), v);
        }
        (Value::Object(map), None) => {
            map.remove(last).unwrap_or_else(|| panic!("no {pointer} to remove"));
        }
        (Value::Array(items), Some(v)) => items[last.parse::<usize>().unwrap()] = v,
        (Value::Array(items), None) => {
            items.remove(last.parse::<usize>().unwrap());
        }
        (other, _) => panic!("{parent} is {other}, not a container"),
    }
    data
}

/// Every field of the schema as (field key, resolved schema, required), hidden ones included,
/// in schema order. Lists of choices are one field; other lists have an item field `key.*`.
pub fn schema_fields(root: &Value) -> Vec<(String, Value, bool)> {
    fn resolve<'a>(root: &'a Value, mut schema: &'a Value) -> &'a Value {
        while let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            schema = root.pointer(r.trim_start_matches('#')).unwrap_or_else(|| panic!("dangling {r}"));
        }
        schema
    }
    fn walk(root: &Value, schema: &Value, key: &str, out: &mut Vec<(String, Value, bool)>) {
        let schema = resolve(root, schema);
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for (name, child) in props {
                let child_key = if key.is_empty() { name.clone() } else { format!("{key}.{name}") };
                out.push((child_key.clone(), resolve(root, child).clone(), required.contains(&name.as_str())));
                walk(root, child, &child_key, out);
            }
        }
        // Follow-up fields: declared only in a branch (`then`, `else`, `dependentSchemas`).
        let base = schema.get("properties").and_then(Value::as_object);
        let parts = std::iter::once(schema).chain(schema.get("allOf").and_then(Value::as_array).into_iter().flatten());
        let mut branches: Vec<&Value> = parts.flat_map(|p| [p.get("then"), p.get("else")]).flatten().collect();
        branches.extend(schema.get("dependentSchemas").and_then(Value::as_object).into_iter().flat_map(|d| d.values()));
        for branch in branches {
            let required: Vec<&str> = branch
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for (name, child) in branch.get("properties").and_then(Value::as_object).into_iter().flatten() {
                let child_key = if key.is_empty() { name.clone() } else { format!("{key}.{name}") };
                if base.is_some_and(|b| b.contains_key(name)) || out.iter().any(|(k, _, _)| *k == child_key) {
                    continue;
                }
                out.push((child_key.clone(), resolve(root, child).clone(), required.contains(&name.as_str())));
                walk(root, child, &child_key, out);
            }
        }
        if let Some(items) = schema.get("items") {
            if resolve(root, items).get("enum").is_none() {
                let item_key = format!("{key}.*");
                out.push((item_key.clone(), resolve(root, items).clone(), false));
                walk(root, items, &item_key, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, "", &mut out);
    out
}

/// Every field of the tree a renderer walks, groups and list items included, root excluded.
pub fn tree_fields(field: &Field) -> Vec<&Field> {
    let mut out = Vec::new();
    let mut stack = vec![field];
    while let Some(f) = stack.pop() {
        if !f.key.is_empty() {
            out.push(f);
        }
        match &f.kind {
            FieldKind::Group { fields } => stack.extend(fields.iter().rev()),
            FieldKind::List { item, .. } => stack.push(item),
            _ => {}
        }
    }
    out
}

/// Every pointer (with array positions) at which `data` has a value, mapped to field keys.
pub fn keys_used(data: &Value, key: &str, out: &mut BTreeSet<String>) {
    match data {
        Value::Object(map) => {
            for (name, value) in map {
                let child = if key.is_empty() { name.clone() } else { format!("{key}.{name}") };
                out.insert(child.clone());
                keys_used(value, &child, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                if item.is_object() {
                    out.insert(format!("{key}.*"));
                    keys_used(item, &format!("{key}.*"), out);
                }
            }
        }
        _ => {}
    }
}
