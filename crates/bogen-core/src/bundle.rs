//! A form as data: schema, uiSchema and the texts of one language, checked and compiled once.

use serde_json::Value;

use crate::canonical;
use crate::conditions::{Conditions, Visibility};
use crate::field::{Field, LayoutError};
use crate::limits::{self, JsonError};
use crate::messages::{self, FieldError};
use crate::signing::{self, SignatureSlot};
use crate::texts::Texts;
#[cfg(feature = "jsonschema")]
use crate::validation::Validator;
use crate::validation::{SchemaError, Violation};

/// Prefix of the `$id` of every form: `urn:bogen:form:<id>:<semver>`. A URN, not a URL, so
/// nothing ever tries to fetch it.
pub const ID_PREFIX: &str = "urn:bogen:form:";

/// A loaded form, ready to render and validate.
pub struct FormBundle {
    pub id: String,
    pub version: semver::Version,
    pub schema: Value,
    pub ui: Value,
    pub texts: Texts,
    /// Digest of the schema, stored in records so a changed schema is noticed.
    pub schema_hash: String,
    pub root: Field,
    /// The signatures the form asks for (`ui:signatures`), in the order they are given.
    pub signatures: Vec<SignatureSlot>,
    #[cfg(feature = "jsonschema")]
    validator: Validator,
    conditions: Conditions,
}

impl std::fmt::Debug for FormBundle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormBundle").field("id", &self.id).field("version", &self.version).finish_non_exhaustive()
    }
}

/// Why a form cannot be loaded; says which part and where.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BundleError {
    #[error("{part}: {source}")]
    Json { part: &'static str, source: JsonError },
    #[error("texts: {0}")]
    Texts(String),
    #[error("schema: {0}")]
    Schema(#[from] SchemaError),
    #[error("schema $id: {0}")]
    Id(String),
    #[error("layout: {0}")]
    Layout(#[from] LayoutError),
    #[error("uiSchema: {0}")]
    Signatures(String),
}

impl FormBundle {
    /// Loads a form from the text of its three files.
    pub fn from_json(schema: &str, ui: &str, texts: &str) -> Result<FormBundle, BundleError> {
        let schema = limits::parse_json(schema).map_err(|source| BundleError::Json { part: "schema", source })?;
        let ui = limits::parse_json(ui).map_err(|source| BundleError::Json { part: "uiSchema", source })?;
        let texts = Texts::from_json(texts).map_err(|e| BundleError::Texts(e.to_string()))?;
        FormBundle::new(schema, ui, texts)
    }

    /// Loads a built bundle document: `{"schema": …, "ui": …, "texts": {…}}` (what the browser
    /// fetches: one request per form).
    pub fn from_document(text: &str) -> Result<FormBundle, BundleError> {
        let mut doc = limits::parse_json(text).map_err(|source| BundleError::Json { part: "bundle", source })?;
        let mut take = |k: &str| doc.get_mut(k).map(Value::take).unwrap_or(Value::Null);
        let (schema, ui, texts) = (take("schema"), take("ui"), take("texts"));
        let texts = if texts.is_null() {
            Texts::default()
        } else {
            serde_json::from_value(texts).map_err(|e| BundleError::Texts(e.to_string()))?
        };
        FormBundle::new(schema, if ui.is_null() { Value::Object(Default::default()) } else { ui }, texts)
    }

    pub fn new(schema: Value, ui: Value, texts: Texts) -> Result<FormBundle, BundleError> {
        let (id, version) = identity(&schema)?;
        #[cfg(feature = "jsonschema")]
        let validator = Validator::compile(&schema)?;
        let root = Field::build(&schema, &ui, &texts)?;
        let signatures = signing::slots(&ui, &schema).map_err(BundleError::Signatures)?;
        let conditions = Conditions::compile(&schema)?;
        let schema_hash = canonical::digest(&schema);
        Ok(FormBundle {
            id,
            version,
            schema,
            ui,
            texts,
            schema_hash,
            root,
            signatures,
            #[cfg(feature = "jsonschema")]
            validator,
            conditions,
        })
    }

    /// Messages for people, in screen order, for violations found by any validator of this
    /// form's schema (in the browser: the validator module).
    pub fn explain(&self, violations: &[Violation]) -> Vec<FieldError> {
        messages::explain(violations, &self.root, &self.texts)
    }

    /// Every rule the data breaks, unexplained (for tools that want keywords).
    #[cfg(feature = "jsonschema")]
    pub fn violations(&self, data: &Value) -> Vec<Violation> {
        self.validator.violations(data)
    }

    /// Messages for people, in screen order; empty when the data is valid.
    #[cfg(feature = "jsonschema")]
    pub fn validate(&self, data: &Value) -> Vec<FieldError> {
        if self.validator.is_valid(data) {
            return Vec::new();
        }
        messages::explain(&self.validator.violations(data), &self.root, &self.texts)
    }

    #[cfg(feature = "jsonschema")]
    pub fn is_valid(&self, data: &Value) -> bool {
        self.validator.is_valid(data)
    }

    /// The follow-up questions of the form and the conditions that show them.
    pub fn conditions(&self) -> &Conditions {
        &self.conditions
    }

    /// Which follow-up questions are hidden for `data`.
    pub fn visibility(&self, data: &Value) -> Visibility {
        self.conditions.evaluate(data)
    }

    /// `data` without the answers to follow-up questions that do not apply to it: what a form
    /// exports, as the browser does.
    pub fn visible_data(&self, data: &Value) -> Value {
        self.visibility(data).visible(data).into_owned()
    }

    /// The form's title in its language, or its id.
    pub fn title(&self) -> &str {
        self.texts.form.title.as_deref().unwrap_or(&self.id)
    }
}

/// Reads id and version from `$id`; a schema without one (brought by a host) is `custom` 0.0.0.
fn identity(schema: &Value) -> Result<(String, semver::Version), BundleError> {
    let Some(id) = schema.get("$id").and_then(Value::as_str) else {
        return Ok(("custom".into(), semver::Version::new(0, 0, 0)));
    };
    let rest =
        id.strip_prefix(ID_PREFIX).ok_or_else(|| BundleError::Id(format!("{id} does not start with {ID_PREFIX}")))?;
    let (name, version) = rest
        .rsplit_once(':')
        .ok_or_else(|| BundleError::Id(format!("{id} lacks a version: {ID_PREFIX}<id>:<version>")))?;
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Err(BundleError::Id(format!("form id {name:?} must be lowercase letters, digits and dashes")));
    }
    let version = semver::Version::parse(version)
        .map_err(|e| BundleError::Id(format!("version {version:?} is not semantic (x.y.z): {e}")))?;
    Ok((name.to_owned(), version))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: &str = r##"{"$schema":"https://json-schema.org/draft/2020-12/schema",
        "$id":"urn:bogen:form:probe:1.2.0","type":"object","required":["name"],
        "$defs":{"t":{"type":"string","minLength":1}},
        "properties":{"name":{"$ref":"#/$defs/t"}}}"##;

    #[cfg(feature = "jsonschema")]
    #[test]
    fn loads_identity_and_validates_through_refs() {
        let b = FormBundle::from_json(
            SCHEMA,
            "{}",
            r#"{"lang":"de","errors":{"required":"fehlt: {title}"},"fields":{"name":{"title":"Name"}}}"#,
        )
        .unwrap();
        assert_eq!((b.id.as_str(), b.version.to_string().as_str()), ("probe", "1.2.0"));
        assert_eq!(b.validate(&serde_json::json!({}))[0].message, "fehlt: Name");
        assert!(b.validate(&serde_json::json!({"name": "x"})).is_empty());
        assert!(!b.is_valid(&serde_json::json!({"name": ""})));
    }

    #[test]
    fn errors_name_the_part_and_place() {
        let e = FormBundle::from_json("{\n\"a\":}", "{}", r#"{"lang":"de"}"#).unwrap_err();
        assert!(e.to_string().starts_with("schema: not valid JSON at line 2"), "{e}");
        let e = FormBundle::from_json(SCHEMA, "[", r#"{"lang":"de"}"#).unwrap_err();
        assert!(e.to_string().starts_with("uiSchema:"), "{e}");
        let e = FormBundle::from_json(&SCHEMA.replace(":1.2.0", ":1.2"), "{}", r#"{"lang":"de"}"#).unwrap_err();
        assert!(matches!(e, BundleError::Id(_)), "{e}");
    }

    #[test]
    fn a_document_bundle_loads_like_three_files() {
        let doc = format!(r#"{{"schema":{SCHEMA},"ui":{{}},"texts":{{"lang":"de"}}}}"#);
        let b = FormBundle::from_document(&doc).unwrap();
        assert_eq!(b.id, "probe");
    }
}
