//! The field tree: what a renderer (browser or PDF) shows, derived once from schema, uiSchema
//! and texts so every renderer agrees on labels, widgets and order.

use serde::Serialize;
use serde_json::Value;

use crate::conditions;
use crate::path;
use crate::texts::Texts;
use crate::ui::{self, UiNode};

/// One field of a form, or a group or list of fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// Field key (see [`crate::path`]), unique in the form, stable across versions.
    pub key: String,
    /// Property name in the parent object; empty for the root and for array items.
    pub name: String,
    pub label: String,
    pub help: Option<String>,
    pub placeholder: Option<String>,
    pub required: bool,
    pub kind: FieldKind,
}

/// What kind of input a field needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum FieldKind {
    /// Free text on one line (`input_type` is the HTML input type: text, email, tel).
    Text {
        input_type: String,
        max_length: Option<u64>,
    },
    /// Free text over several lines.
    Textarea {
        rows: u32,
        max_length: Option<u64>,
    },
    Number {
        integer: bool,
        minimum: Option<f64>,
        maximum: Option<f64>,
    },
    /// A calendar date, typed as TT.MM.JJJJ and stored as ISO 8601 (`format: date`).
    Date,
    /// Yes or no, as one checkbox.
    Boolean,
    /// One of several codes, as a select or radio buttons.
    Choice {
        choices: Vec<Choice>,
        radio: bool,
    },
    /// Any of several codes (an array of unique enum strings), as checkboxes.
    MultiChoice {
        choices: Vec<Choice>,
    },
    /// An object: a section at the top level, a fieldset below.
    Group {
        fields: Vec<Field>,
    },
    /// An array: items added, removed and moved by the person filling in.
    List {
        item: Box<Field>,
        min_items: u64,
        max_items: Option<u64>,
    },
}

/// A code people can pick and the label they read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    pub code: String,
    pub label: String,
}

/// Why a schema or uiSchema cannot be laid out; `at` is a JSON pointer into the schema.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{at}: {reason}")]
pub struct LayoutError {
    pub at: String,
    pub reason: String,
}

impl Field {
    /// Builds the tree of a whole form.
    pub fn build(schema: &Value, ui: &Value, texts: &Texts) -> Result<Field, LayoutError> {
        let builder = Builder { root: schema, texts };
        builder.field(schema, "", "", "", UiNode::root(ui), false, 0)
    }

    /// The sub-fields of a group, or none.
    pub fn children(&self) -> &[Field] {
        match &self.kind {
            FieldKind::Group { fields } => fields,
            _ => &[],
        }
    }

    /// Finds a field by key anywhere below this one.
    pub fn find(&self, key: &str) -> Option<&Field> {
        if self.key == key {
            return Some(self);
        }
        match &self.kind {
            FieldKind::Group { fields } => fields.iter().find_map(|f| f.find(key)),
            FieldKind::List { item, .. } => item.find(key),
            _ => None,
        }
    }
}

/// Deepest schema nesting laid out; deeper schemas are refused rather than recursed into.
const MAX_LAYOUT_DEPTH: usize = 32;

struct Builder<'a> {
    root: &'a Value,
    texts: &'a Texts,
}

impl<'a> Builder<'a> {
    /// Follows local `$ref`s (`#/$defs/...`), the only kind the forms use.
    fn resolve(&self, mut schema: &'a Value, at: &str) -> Result<&'a Value, LayoutError> {
        for _ in 0..MAX_LAYOUT_DEPTH {
            let Some(reference) = schema.get("$ref").and_then(Value::as_str) else {
                return Ok(schema);
            };
            let Some(pointer) = reference.strip_prefix('#') else {
                return Err(err(at, format!("only local references (#/...) can be laid out, not {reference}")));
            };
            schema =
                self.root.pointer(pointer).ok_or_else(|| err(at, format!("reference {reference} points nowhere")))?;
        }
        Err(err(at, "references nest too deep".into()))
    }

    #[allow(clippy::too_many_arguments)]
    fn field(
        &self,
        schema: &'a Value,
        at: &str,
        key: &str,
        name: &str,
        ui: UiNode<'a>,
        required: bool,
        depth: usize,
    ) -> Result<Field, LayoutError> {
        if depth > MAX_LAYOUT_DEPTH {
            return Err(err(at, "schema nests too deep to lay out".into()));
        }
        let schema = self.resolve(schema, at)?;
        if !schema.is_object() {
            return Err(err(at, "a field's schema must be an object".into()));
        }
        if let Some(bad) = ui.unknown_keys().first() {
            return Err(err(
                at,
                format!("uiSchema key {bad} is not understood (known: {})", ui::KNOWN_KEYS.join(", ")),
            ));
        }
        let widget = ui.widget();
        if let Some(w) = &widget {
            if !ui::KNOWN_WIDGETS.contains(&w.as_str()) {
                return Err(err(at, format!("ui:widget {w} is not known (known: {})", ui::KNOWN_WIDGETS.join(", "))));
            }
        }
        let texts = self.texts.field(key);
        let label = texts
            .and_then(|t| t.title.clone())
            .or_else(|| ui.title())
            .or_else(|| str_of(schema, "title"))
            .unwrap_or_else(|| name.to_owned());
        let help = texts
            .and_then(|t| t.help.clone())
            .or_else(|| ui.help())
            .or_else(|| ui.description())
            .or_else(|| str_of(schema, "description"));
        let placeholder = texts.and_then(|t| t.placeholder.clone()).or_else(|| ui.placeholder());
        let kind = self.kind(schema, at, key, ui, widget.as_deref(), depth)?;
        Ok(Field { key: key.to_owned(), name: name.to_owned(), label, help, placeholder, required, kind })
    }

    fn kind(
        &self,
        schema: &'a Value,
        at: &str,
        key: &str,
        ui: UiNode<'a>,
        widget: Option<&str>,
        depth: usize,
    ) -> Result<FieldKind, LayoutError> {
        let ty = type_of(schema);
        if let Some(codes) = schema.get("enum") {
            return Ok(FieldKind::Choice { choices: self.choices(codes, at, key)?, radio: widget == Some("radio") });
        }
        match ty.as_deref() {
            Some("object") => {
                let props = schema.get("properties").and_then(Value::as_object);
                let branches = conditions::branches(schema, at);
                let conditional = conditions::conditional_properties(schema, &branches);
                if let (Some(first), Some(false)) =
                    (conditional.first(), schema.get("additionalProperties").and_then(Value::as_bool))
                {
                    return Err(err(
                        at,
                        format!(
                            "{} is declared in a branch, which additionalProperties: false refuses; \
                             use unevaluatedProperties: false",
                            first.name
                        ),
                    ));
                }
                let mut names: Vec<String> = props.map(|p| p.keys().cloned().collect()).unwrap_or_default();
                names.extend(conditional.iter().map(|p| p.name.to_owned()));
                let order = match ui.order() {
                    Some(order) => ui::apply_order(&names, &order).map_err(|unknown| {
                        err(at, format!("ui:order names {} which the schema does not have", unknown.join(", ")))
                    })?,
                    None => names,
                };
                let required: Vec<&str> = schema
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let mut fields = Vec::with_capacity(order.len());
                for child in &order {
                    // A field declared in a branch: its schema and `required` are the branch's.
                    let (child_schema, child_at, child_required) = match props.and_then(|p| p.get(child)) {
                        Some(s) => {
                            (s, format!("{at}/properties/{}", path::escape(child)), required.contains(&child.as_str()))
                        }
                        None => match conditional.iter().find(|p| p.name == child) {
                            Some(p) => (p.schema, p.at.clone(), p.required),
                            None => continue,
                        },
                    };
                    let child_ui = ui.child(child);
                    if child_ui.widget().as_deref() == Some("hidden") {
                        continue;
                    }
                    fields.push(self.field(
                        child_schema,
                        &child_at,
                        &path::child_key(key, child),
                        child,
                        child_ui,
                        child_required,
                        depth + 1,
                    )?);
                }
                Ok(FieldKind::Group { fields })
            }
            Some("array") => {
                let items = schema.get("items").ok_or_else(|| err(at, "an array needs `items`".into()))?;
                let items_at = format!("{at}/items");
                let resolved = self.resolve(items, &items_at)?;
                if let Some(codes) = resolved.get("enum") {
                    if widget != Some("checkboxes")
                        && !schema.get("uniqueItems").and_then(Value::as_bool).unwrap_or(false)
                    {
                        return Err(err(at, "a list of choices needs uniqueItems: true".into()));
                    }
                    return Ok(FieldKind::MultiChoice { choices: self.choices(codes, &items_at, key)? });
                }
                let item =
                    self.field(items, &items_at, &path::child_key(key, "*"), "", ui.items(), false, depth + 1)?;
                Ok(FieldKind::List {
                    item: Box::new(item),
                    min_items: schema.get("minItems").and_then(Value::as_u64).unwrap_or(0),
                    max_items: schema.get("maxItems").and_then(Value::as_u64),
                })
            }
            Some("boolean") => Ok(FieldKind::Boolean),
            Some("integer") | Some("number") => Ok(FieldKind::Number {
                integer: ty.as_deref() == Some("integer"),
                minimum: schema.get("minimum").and_then(Value::as_f64),
                maximum: schema.get("maximum").and_then(Value::as_f64),
            }),
            Some("string") => {
                let max_length = schema.get("maxLength").and_then(Value::as_u64);
                let format = str_of(schema, "format");
                Ok(match (widget, format.as_deref()) {
                    (Some("textarea"), _) => FieldKind::Textarea {
                        rows: ui.option("rows").and_then(Value::as_u64).unwrap_or(4).min(40) as u32,
                        max_length,
                    },
                    (_, Some("date")) | (Some("date"), _) => FieldKind::Date,
                    (Some(w @ ("email" | "tel")), _) => FieldKind::Text { input_type: w.to_owned(), max_length },
                    (_, Some("email")) => FieldKind::Text { input_type: "email".into(), max_length },
                    _ => FieldKind::Text { input_type: "text".into(), max_length },
                })
            }
            Some(other) => Err(err(at, format!("type {other} cannot be laid out"))),
            None => Err(err(at, "a field needs a `type` (or `enum`)".into())),
        }
    }

    fn choices(&self, codes: &Value, at: &str, key: &str) -> Result<Vec<Choice>, LayoutError> {
        let codes = codes.as_array().ok_or_else(|| err(at, "enum must be an array".into()))?;
        let labels = self.texts.field(key).map(|t| &t.choices);
        codes
            .iter()
            .map(|c| {
                let code = c.as_str().ok_or_else(|| err(at, format!("enum codes must be strings, found {c}")))?;
                let label = labels.and_then(|l| l.get(code)).cloned().unwrap_or_else(|| code.to_owned());
                Ok(Choice { code: code.to_owned(), label })
            })
            .collect()
    }
}

fn err(at: &str, reason: String) -> LayoutError {
    LayoutError { at: if at.is_empty() { "/".into() } else { at.to_owned() }, reason }
}

fn str_of(schema: &Value, key: &str) -> Option<String> {
    schema.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// The one JSON type of a field; `["string", "null"]` counts as string.
fn type_of(schema: &Value) -> Option<String> {
    match schema.get("type")? {
        Value::String(s) => Some(s.clone()),
        Value::Array(types) => types.iter().filter_map(Value::as_str).find(|t| *t != "null").map(str::to_owned),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn texts() -> Texts {
        Texts::from_json(
            r#"{"lang":"de","fields":{
                "person":{"title":"Person"},
                "person.name":{"title":"Name","help":"Wie im Pass"},
                "ziele.*.bereich":{"title":"Bereich","enum":{"wohnen":"Wohnen"}}}}"#,
        )
        .unwrap()
    }

    #[test]
    fn builds_groups_lists_and_choices() {
        let schema = json!({
            "type": "object",
            "$defs": {"bereich": {"type": "string", "enum": ["wohnen", "arbeit"]}},
            "properties": {
                "person": {"type": "object", "required": ["name"], "properties": {
                    "name": {"type": "string"}, "geburt": {"type": "string", "format": "date"}}},
                "ziele": {"type": "array", "items": {"type": "object", "properties": {
                    "bereich": {"$ref": "#/$defs/bereich"}}}},
                "sprachen": {"type": "array", "uniqueItems": true, "items": {"enum": ["de", "ar"]}}
            }
        });
        let ui = json!({"ui:order": ["ziele", "*"], "person": {"name": {"ui:placeholder": "z. B. Haddad"}}});
        let root = Field::build(&schema, &ui, &texts()).unwrap();
        let names: Vec<&str> = root.children().iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["ziele", "person", "sprachen"]);
        let name = root.find("person.name").unwrap();
        assert_eq!((name.label.as_str(), name.required), ("Name", true));
        assert_eq!(name.help.as_deref(), Some("Wie im Pass"));
        assert_eq!(name.placeholder.as_deref(), Some("z. B. Haddad"));
        assert_eq!(root.find("person.geburt").unwrap().kind, FieldKind::Date);
        match &root.find("ziele.*.bereich").unwrap().kind {
            FieldKind::Choice { choices, radio: false } => {
                assert_eq!(choices[0], Choice { code: "wohnen".into(), label: "Wohnen".into() });
                assert_eq!(choices[1].label, "arbeit");
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(matches!(root.find("sprachen").unwrap().kind, FieldKind::MultiChoice { .. }));
    }

    #[test]
    fn layout_errors_name_the_place() {
        let schema = json!({"type": "object", "properties": {"a": {"type": "object", "properties": {"b": {"$ref": "#/$defs/nope"}}}}});
        let e = Field::build(&schema, &json!({}), &Texts::default()).unwrap_err();
        assert_eq!(e.at, "/properties/a/properties/b");
        let e =
            Field::build(&json!({"type": "object", "properties": {}}), &json!({"ui:order": ["x"]}), &Texts::default())
                .unwrap_err();
        assert!(e.reason.contains("x"), "{e}");
        let e = Field::build(&json!({"type": "object"}), &json!({"ui:wigdet": "x"}), &Texts::default()).unwrap_err();
        assert!(e.reason.contains("ui:wigdet"), "{e}");
    }

    #[test]
    fn follow_up_questions_are_laid_out_where_the_order_puts_them() {
        let schema = json!({"type": "object", "unevaluatedProperties": false,
            "properties": {"status": {"enum": ["a", "b"]}, "ende": {"type": "string"}},
            "if": {"properties": {"status": {"const": "b"}}, "required": ["status"]},
            "then": {"properties": {"seit": {"type": "string", "format": "date"}}, "required": ["seit"]},
            "dependentSchemas": {"ende": {"properties": {"grund": {"type": "string"}}}}});
        let ui = json!({"ui:order": ["status", "seit", "*"]});
        let root = Field::build(&schema, &ui, &Texts::default()).unwrap();
        let names: Vec<&str> = root.children().iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["status", "seit", "ende", "grund"]);
        let seit = root.find("seit").unwrap();
        assert_eq!((&seit.kind, seit.required), (&FieldKind::Date, true));
        assert!(!root.find("grund").unwrap().required);
        let mut closed = schema.clone();
        closed["additionalProperties"] = json!(false);
        let e = Field::build(&closed, &ui, &Texts::default()).unwrap_err();
        assert!(e.reason.contains("seit") && e.reason.contains("unevaluatedProperties"), "{e}");
    }

    #[test]
    fn self_referencing_schema_is_refused_not_recursed() {
        let schema = json!({"$ref": "#"});
        assert!(Field::build(&schema, &json!({}), &Texts::default()).is_err());
        let schema = json!({"type": "object", "properties": {"a": {"$ref": "#"}}});
        assert!(Field::build(&schema, &json!({}), &Texts::default()).is_err());
    }
}
