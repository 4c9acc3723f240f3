//! Violations turned into sentences people understand, bound to the field they concern.
//!
//! Lookup order for a message: the field's own message for `keyword.detail` (e.g.
//! `format.date`), then for `keyword`, then the generic ones likewise, then `default`.

use serde::Serialize;

use crate::field::{Field, FieldKind};
use crate::path;
use crate::texts::{fill, Texts};
use crate::validation::Violation;

/// A message for a field, as the browser shows it and `bogen validate` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub pointer: String,
    pub message: String,
}

/// Explains violations in form order (the order fields appear on screen), one message each.
pub fn explain(violations: &[Violation], root: &Field, texts: &Texts) -> Vec<FieldError> {
    let mut keyed: Vec<(Vec<usize>, FieldError)> = violations
        .iter()
        .map(|v| {
            let key = path::field_key(&v.pointer);
            let field = root.find(&key);
            // Hidden fields are not in the tree, but may still have a title in the texts.
            let title = field
                .map(|f| f.label.as_str())
                .or_else(|| texts.field(&key).and_then(|t| t.title.as_deref()))
                .unwrap_or(v.pointer.as_str());
            let detail = v.params.iter().find(|(n, _)| *n == "format").map(|(_, f)| format!("{}.{f}", v.keyword));
            let own = texts.field(&key).map(|t| &t.errors);
            let candidates = [detail.as_deref(), Some(v.keyword.as_str())];
            let template = candidates
                .iter()
                .flatten()
                .find_map(|k| own.and_then(|o| o.get(*k)))
                .or_else(|| candidates.iter().flatten().find_map(|k| texts.errors.get(*k)))
                .or_else(|| texts.errors.get("default"))
                .cloned()
                .unwrap_or_else(|| format!("{{title}}: {}", v.keyword));
            let mut values: Vec<(&str, &str)> = vec![("title", title)];
            values.extend(v.params.iter().map(|(n, p)| (*n, p.as_str())));
            let message = fill(&template, &values);
            (form_position(root, &v.pointer), FieldError { pointer: v.pointer.clone(), message })
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.1 == b.1);
    keyed.into_iter().map(|(_, e)| e).collect()
}

/// Where a pointer sits in screen order: child index in groups, item index in lists.
fn form_position(root: &Field, pointer: &str) -> Vec<usize> {
    let mut position = Vec::new();
    let mut field = root;
    for segment in path::segments(pointer) {
        match &field.kind {
            FieldKind::Group { fields } => match fields.iter().position(|f| f.name == segment) {
                Some(i) => {
                    position.push(i);
                    field = &fields[i];
                }
                None => {
                    position.push(usize::MAX);
                    break;
                }
            },
            FieldKind::List { item, .. } => {
                position.push(segment.parse().unwrap_or(usize::MAX));
                field = item;
            }
            _ => break,
        }
    }
    position
}

#[cfg(all(test, feature = "jsonschema"))]
mod tests {
    use super::*;
    use crate::validation::Validator;
    use serde_json::json;

    #[test]
    fn messages_use_field_texts_then_generic_ones_in_screen_order() {
        let schema = json!({
            "type": "object", "required": ["b", "a"],
            "properties": {
                "a": {"type": "string", "format": "date"},
                "b": {"type": "string", "minLength": 3},
                "c": {"type": "array", "items": {"type": "object", "required": ["x"], "properties": {"x": {"type": "string"}}}}
            }
        });
        let texts = Texts::from_json(
            r#"{"lang":"de",
            "fields":{"a":{"title":"Datum"},"b":{"title":"Name","errors":{"minLength":"Der Name ist zu kurz."}},
                      "c.*.x":{"title":"X"}},
            "errors":{"required":"Bitte füllen Sie „{title}“ aus.","format.date":"„{title}“: bitte als TT.MM.JJJJ.",
                      "minLength":"mind. {limit}"}}"#,
        )
        .unwrap();
        let root = Field::build(&schema, &json!({}), &texts).unwrap();
        let v = Validator::compile(&schema).unwrap();
        let errors = explain(&v.violations(&json!({"c": [{}, {}]})), &root, &texts);
        let pointers: Vec<&str> = errors.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(pointers, ["/a", "/b", "/c/0/x", "/c/1/x"]);
        assert_eq!(errors[0].message, "Bitte füllen Sie „Datum“ aus.");
        let errors = explain(&v.violations(&json!({"a": "31.12.2024", "b": "Al"})), &root, &texts);
        assert_eq!(errors[0].message, "„Datum“: bitte als TT.MM.JJJJ.");
        assert_eq!(errors[1].message, "Der Name ist zu kurz.");
    }
}
