//! The uiSchema: layout hints in the conventions of react-jsonschema-form.
//!
//! The uiSchema mirrors the data's shape: `{"person": {"name": {"ui:placeholder": "…"}}}`, array
//! items under `items`. Understood keys: `ui:order`, `ui:widget`, `ui:help`, `ui:placeholder`,
//! `ui:title`, `ui:description`, `ui:options`. Literal texts in the uiSchema are a fallback for
//! forms brought by a host; the built-in forms keep every text in their i18n files.

use serde_json::Value;

/// Keys of a uiSchema node that are hints, not children (`ui:signatures` counts at the root
/// only, see [`crate::signing`]).
pub const KNOWN_KEYS: &[&str] = &[
    "ui:order",
    "ui:widget",
    "ui:help",
    "ui:placeholder",
    "ui:title",
    "ui:description",
    "ui:options",
    "ui:signatures",
];

/// Widgets a `ui:widget` may name.
pub const KNOWN_WIDGETS: &[&str] =
    &["text", "textarea", "email", "tel", "date", "select", "radio", "checkboxes", "checkbox", "number", "hidden"];

/// One node of the uiSchema; a missing node has no hints.
#[derive(Debug, Clone, Copy)]
pub struct UiNode<'a>(pub Option<&'a Value>);

impl<'a> UiNode<'a> {
    pub fn root(ui: &'a Value) -> Self {
        UiNode(Some(ui))
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.0.and_then(|v| v.get(key))
    }

    fn text(&self, key: &str) -> Option<String> {
        self.get(key).and_then(Value::as_str).map(str::to_owned)
    }

    /// The hints of a property of this object.
    pub fn child(&self, name: &str) -> UiNode<'a> {
        UiNode(self.get(name))
    }

    /// The hints of this array's items.
    pub fn items(&self) -> UiNode<'a> {
        UiNode(self.get("items"))
    }

    pub fn widget(&self) -> Option<String> {
        self.text("ui:widget")
    }
    pub fn help(&self) -> Option<String> {
        self.text("ui:help")
    }
    pub fn placeholder(&self) -> Option<String> {
        self.text("ui:placeholder")
    }
    pub fn title(&self) -> Option<String> {
        self.text("ui:title")
    }
    pub fn description(&self) -> Option<String> {
        self.text("ui:description")
    }

    /// `ui:order`, with `*` standing for every property not named.
    pub fn order(&self) -> Option<Vec<String>> {
        self.get("ui:order")?.as_array().map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
    }

    /// A value of `ui:options`.
    pub fn option(&self, name: &str) -> Option<&'a Value> {
        self.get("ui:options").and_then(|o| o.get(name))
    }

    /// Hint keys this node has that Bogen does not understand (typos show up at load time).
    pub fn unknown_keys(&self) -> Vec<String> {
        match self.0 {
            Some(Value::Object(map)) => {
                map.keys().filter(|k| k.starts_with("ui:") && !KNOWN_KEYS.contains(&k.as_str())).cloned().collect()
            }
            _ => Vec::new(),
        }
    }
}

/// Orders `names` as `ui:order` says: listed names first, `*` for the rest in schema order.
/// Returns the names `order` mentions that the schema does not have, which is a mistake.
pub fn apply_order(names: &[String], order: &[String]) -> Result<Vec<String>, Vec<String>> {
    let unknown: Vec<String> = order.iter().filter(|n| *n != "*" && !names.contains(n)).cloned().collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    let listed: Vec<&String> = order.iter().filter(|n| *n != "*").collect();
    let rest: Vec<String> = names.iter().filter(|n| !listed.contains(n)).cloned().collect();
    let mut out = Vec::with_capacity(names.len());
    let mut rest_placed = false;
    for n in order {
        if n == "*" {
            out.extend(rest.iter().cloned());
            rest_placed = true;
        } else {
            out.push(n.clone());
        }
    }
    if !rest_placed {
        out.extend(rest);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn order_with_wildcard() {
        let names = s(&["a", "b", "c", "d"]);
        assert_eq!(apply_order(&names, &s(&["c", "*", "a"])).unwrap(), s(&["c", "b", "d", "a"]));
        assert_eq!(apply_order(&names, &s(&["d"])).unwrap(), s(&["d", "a", "b", "c"]));
        assert_eq!(apply_order(&names, &s(&["x"])).unwrap_err(), s(&["x"]));
    }

    #[test]
    fn unknown_hint_keys_are_reported() {
        let ui = serde_json::json!({"ui:widgett": "textarea", "ui:help": "x", "child": {}});
        assert_eq!(UiNode::root(&ui).unknown_keys(), s(&["ui:widgett"]));
    }
}
