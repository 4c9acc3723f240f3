//! Which signatures a form asks for: the root `ui:signatures` of the uiSchema.
//!
//! A signature is not a field of the data: it covers the data's digest, so it lives in the
//! record envelope (see [`crate::signature`]). The form still has to say who signs, and where
//! the signer's name, the place and the version of a signed text are found in the data, so the
//! uiSchema (layout and behaviour, not data) declares it:
//!
//! ```json
//! "ui:signatures": [
//!   { "role": "teilnehmende", "name": ["/teilnehmende/vorname", "/teilnehmende/name"],
//!     "place": "/unterzeichnung/ort", "textVersion": "/erklaerungVersion" }
//! ]
//! ```

use serde::Deserialize;
use serde_json::Value;

use crate::path;

/// The uiSchema key, only understood at the root.
pub const KEY: &str = "ui:signatures";

/// One signature the form asks for.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignatureSlot {
    /// Code of the signer's role (`teilnehmende`, `casemanagement`); its label is the text
    /// `signature.role.<role>`.
    pub role: String,
    /// Pointers into the data whose values, joined by spaces, suggest the signer's name.
    #[serde(default)]
    pub name: Vec<String>,
    /// Pointer to the place of signing in the data, if the form asks for it.
    #[serde(default)]
    pub place: Option<String>,
    /// Pointer to the version of the text the signer agrees to (a consent text), if any.
    #[serde(default)]
    pub text_version: Option<String>,
}

impl SignatureSlot {
    /// The name the data suggests (empty when the form has no name fields or they are empty).
    pub fn suggested_name(&self, data: &Value) -> String {
        let parts: Vec<&str> =
            self.name.iter().filter_map(|p| path::get(data, p).and_then(Value::as_str)).map(str::trim).collect();
        parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
    }

    pub fn suggested_place(&self, data: &Value) -> String {
        self.text_at(self.place.as_deref(), data).unwrap_or_default()
    }

    /// The version of the signed text as the data holds it now.
    pub fn text_version(&self, data: &Value) -> Option<String> {
        self.text_at(self.text_version.as_deref(), data).filter(|v| !v.is_empty())
    }

    fn text_at(&self, pointer: Option<&str>, data: &Value) -> Option<String> {
        path::get(data, pointer?).and_then(Value::as_str).map(|s| s.trim().to_owned())
    }
}

/// Reads and checks `ui:signatures`: each role once, a code (lowercase letters, digits,
/// dashes), each pointer naming a property the schema has. Errors name the entry.
pub fn slots(ui: &Value, schema: &Value) -> Result<Vec<SignatureSlot>, String> {
    let Some(entries) = ui.get(KEY) else { return Ok(Vec::new()) };
    let slots: Vec<SignatureSlot> =
        serde_json::from_value(entries.clone()).map_err(|e| format!("{KEY}: {e} (see docs/forms.md)"))?;
    let mut roles = Vec::new();
    for (i, slot) in slots.iter().enumerate() {
        let at = format!("{KEY}/{i}");
        let code = &slot.role;
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return Err(format!("{at}/role {code:?} must be lowercase letters, digits and dashes"));
        }
        if roles.contains(&code) {
            return Err(format!("{at}/role {code:?} is asked for twice"));
        }
        roles.push(code);
        let pointers = slot.name.iter().chain(&slot.place).chain(&slot.text_version);
        for pointer in pointers {
            if !in_schema(schema, pointer) {
                return Err(format!("{at}: {pointer} is not a property of the schema"));
            }
        }
    }
    Ok(slots)
}

/// Whether a data pointer (outside lists) names a property the schema declares.
fn in_schema(schema: &Value, pointer: &str) -> bool {
    if !pointer.starts_with('/') {
        return false;
    }
    let mut node = schema;
    for segment in path::segments(pointer) {
        match node.get("properties").and_then(|p| p.get(segment.as_str())) {
            Some(next) => node = next,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> Value {
        json!({"type": "object", "properties": {
            "person": {"type": "object", "properties": {"vorname": {}, "name": {}}},
            "ort": {"type": "string"}, "version": {"const": "v1"}
        }})
    }

    #[test]
    fn slots_say_who_signs_and_where_the_data_has_name_place_and_version() {
        let ui = json!({"ui:signatures": [
            {"role": "teilnehmende", "name": ["/person/vorname", "/person/name"], "place": "/ort", "textVersion": "/version"},
            {"role": "casemanagement"}
        ]});
        let slots = slots(&ui, &schema()).unwrap();
        assert_eq!(slots.len(), 2);
        let data = json!({"person": {"vorname": " Amal ", "name": "Haddad"}, "ort": "Mettmann", "version": "v1"});
        assert_eq!(slots[0].suggested_name(&data), "Amal Haddad");
        assert_eq!(slots[0].suggested_place(&data), "Mettmann");
        assert_eq!(slots[0].text_version(&data).as_deref(), Some("v1"));
        assert_eq!(slots[1].suggested_name(&data), "");
        assert_eq!(slots[1].text_version(&data), None);
        assert_eq!(super::slots(&json!({}), &schema()).unwrap(), vec![]);
    }

    #[test]
    fn mistakes_in_slots_are_named() {
        let bad = |ui: Value| slots(&ui, &schema()).unwrap_err();
        assert!(bad(json!({"ui:signatures": [{"role": "Teilnehmende"}]})).contains("ui:signatures/0/role"));
        assert!(bad(json!({"ui:signatures": [{"role": "a"}, {"role": "a"}]})).contains("twice"));
        assert!(bad(json!({"ui:signatures": [{"role": "a", "place": "/wo"}]})).contains("/wo is not a property"));
        assert!(bad(json!({"ui:signatures": [{"role": "a", "typo": 1}]})).contains("typo"));
        assert!(bad(json!({"ui:signatures": {"role": "a"}})).contains("ui:signatures"));
    }
}
