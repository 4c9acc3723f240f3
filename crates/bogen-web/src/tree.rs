//! The field tree as the views hold it: shared by `Rc` so a component's props compare by
//! identity, with what the views need from schema and uiSchema beside each field.

use std::rc::Rc;

use bogen_core::ui::UiNode;
use bogen_core::{Field, FieldKind};
use serde_json::Value;

use crate::defaults;

pub struct Node {
    pub field: Field,
    pub children: Vec<Rc<Node>>,
    /// The item of a list.
    pub item: Option<Rc<Node>>,
    /// What a new item of a list starts as (its defaults and constants).
    pub blank_item: Value,
    /// `ui:options.autocomplete`: lets browsers fill in a person's own details (WCAG 1.3.5).
    pub autocomplete: Option<String>,
    /// `ui:options.netzwerk`: the part of the KIM network shown with this field (see `netzwerk`).
    pub netzwerk: Option<String>,
}

/// Components re-render when their props change; the tree never changes while a form is
/// mounted, so identity is the cheap and correct comparison.
impl PartialEq for Node {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Node {
    pub fn build(root: &Field, schema: &Value, ui: &Value) -> Rc<Node> {
        build(root, schema, schema, UiNode::root(ui))
    }
}

fn build(field: &Field, root_schema: &Value, schema: &Value, ui: UiNode<'_>) -> Rc<Node> {
    let schema = defaults::resolve(root_schema, schema);
    let children = field
        .children()
        .iter()
        .map(|child| {
            let child_schema = schema.pointer(&format!("/properties/{}", escape(&child.name))).unwrap_or(&Value::Null);
            build(child, root_schema, child_schema, ui.child(&child.name))
        })
        .collect();
    let (item, blank_item) = match &field.kind {
        FieldKind::List { item, .. } => {
            let item_schema = schema.get("items").unwrap_or(&Value::Null);
            let blank = defaults::blank(root_schema, item_schema, ui.items()).unwrap_or(Value::Null);
            (Some(build(item, root_schema, item_schema, ui.items())), blank)
        }
        _ => (None, Value::Null),
    };
    let autocomplete = ui.option("autocomplete").and_then(Value::as_str).map(str::to_owned);
    let netzwerk = ui.option("netzwerk").and_then(Value::as_str).map(str::to_owned);
    Rc::new(Node { field: field.clone(), children, item, blank_item, autocomplete, netzwerk })
}

fn escape(name: &str) -> String {
    bogen_core::path::escape(name)
}
