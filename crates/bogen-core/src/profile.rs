//! The Träger profile a portal hands to Bogen (`forms/profile.schema.json`): who is responsible
//! for the data, shown above the form and filled into the fields that ask for it. A profile
//! that cannot be used is refused with the place that is wrong; the form works without it.

#[cfg(feature = "jsonschema")]
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::limits::{self, JsonError};
use crate::texts::{self, Texts};
#[cfg(feature = "jsonschema")]
use crate::validation::Validator;
use crate::validation::Violation;

pub const SCHEMA: &str = include_str!("../../../forms/profile.schema.json");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub anschrift: Anschrift,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kontakt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    pub datenschutzbeauftragte: Contact,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kommune: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Anschrift {
    pub strasse: String,
    pub plz: String,
    pub ort: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub kontakt: String,
}

/// Why a profile cannot be used. `pointer` is the JSON pointer of the value concerned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProfileError {
    #[error("the profile could not be read")]
    Unreadable,
    #[error("the profile is not valid JSON at line {line}, column {column}")]
    Syntax { line: usize, column: usize },
    #[error("the profile lacks {pointer}")]
    Missing { pointer: String },
    #[error("the profile's value at {pointer} is not allowed")]
    Invalid { pointer: String },
    #[error("the profile has an unknown entry {pointer}")]
    Unexpected { pointer: String },
}

impl ProfileError {
    /// The message for people, in the language of `texts` (keys `profile.*` of the shared texts).
    pub fn text(&self, texts: &Texts) -> String {
        let reason = match self {
            ProfileError::Unreadable => texts.ui("profile.unreadable").to_owned(),
            ProfileError::Syntax { line, column } => {
                texts::fill(texts.ui("profile.syntax"), &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            ProfileError::Missing { pointer } => texts::fill(texts.ui("profile.missing"), &[("where", pointer)]),
            ProfileError::Invalid { pointer } => texts::fill(texts.ui("profile.invalid"), &[("where", pointer)]),
            ProfileError::Unexpected { pointer } => texts::fill(texts.ui("profile.unexpected"), &[("where", pointer)]),
        };
        texts::fill(texts.ui("profile.problem"), &[("reason", &reason)])
    }
}

#[cfg(feature = "jsonschema")]
fn validator() -> &'static Validator {
    static COMPILED: OnceLock<Validator> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let schema = serde_json::from_str(SCHEMA).expect("forms/profile.schema.json is JSON (checked by tests)");
        Validator::compile(&schema).expect("forms/profile.schema.json is a valid schema (checked by tests)")
    })
}

impl Profile {
    /// Reads a profile's JSON text; the first problem found is the error.
    #[cfg(feature = "jsonschema")]
    pub fn parse(text: &str) -> Result<Profile, ProfileError> {
        Profile::from_value(Profile::read(text)?)
    }

    #[cfg(feature = "jsonschema")]
    pub fn from_value(value: Value) -> Result<Profile, ProfileError> {
        let violations = validator().violations(&value);
        Profile::checked(value, &violations)
    }

    /// The JSON of a profile's text, not yet checked against [`SCHEMA`].
    pub fn read(text: &str) -> Result<Value, ProfileError> {
        limits::parse_json(text).map_err(|e| match e {
            JsonError::Syntax { at, .. } => ProfileError::Syntax { line: at.line, column: at.column },
            JsonError::TooLarge { .. } | JsonError::TooDeep { .. } => ProfileError::Unreadable,
        })
    }

    /// The profile, given what a validator of [`SCHEMA`] found in it; the first violation is
    /// the error.
    pub fn checked(value: Value, violations: &[Violation]) -> Result<Profile, ProfileError> {
        if let Some(v) = violations.first().cloned() {
            let pointer = if v.pointer.is_empty() { "/".to_owned() } else { v.pointer };
            return Err(match v.keyword.as_str() {
                "required" => ProfileError::Missing { pointer },
                "additionalProperties" => ProfileError::Unexpected { pointer },
                _ => ProfileError::Invalid { pointer },
            });
        }
        serde_json::from_value(value).map_err(|_| ProfileError::Invalid { pointer: "/".into() })
    }

    /// The values this profile gives the fields that ask for them, by field pointer.
    fn answers(&self) -> Vec<(&'static str, String)> {
        let a = &self.anschrift;
        let dsb = &self.datenschutzbeauftragte;
        let mut out = vec![
            ("/erstgespraech/traeger", self.name.clone()),
            ("/verantwortlicheStelle/traeger", self.name.clone()),
            ("/verantwortlicheStelle/anschrift", format!("{}, {} {}", a.strasse, a.plz, a.ort)),
            ("/verantwortlicheStelle/datenschutzbeauftragte", format!("{}, {}", dsb.name, dsb.kontakt)),
        ];
        if let Some(kommune) = &self.kommune {
            out.push(("/erstgespraech/kommune", kommune.clone()));
        }
        out
    }

    /// Fills in what the profile knows where the form `schema` asks for it and `data` has no
    /// answer yet; a typed answer is never replaced.
    pub fn prefill(&self, schema: &Value, data: &mut Value) {
        'answers: for (pointer, value) in self.answers() {
            let Some((parent, name)) = pointer.rsplit_once('/') else { continue };
            if !declares(schema, parent, name) || data.pointer(pointer).is_some() {
                continue;
            }
            let mut target = &mut *data;
            for segment in parent.split('/').skip(1) {
                let Value::Object(object) = target else { continue 'answers };
                target = object.entry(segment).or_insert_with(|| Value::Object(Default::default()));
            }
            if let Value::Object(object) = target {
                object.insert(name.to_owned(), Value::String(value));
            }
        }
    }
}

/// Whether `schema` declares property `name` in the object at the data pointer `parent` (plain
/// `properties` nesting, as the built-in forms declare these fields).
fn declares(schema: &Value, parent: &str, name: &str) -> bool {
    let mut node = schema;
    for segment in parent.split('/').skip(1) {
        match node.get("properties").and_then(|p| p.get(segment)) {
            Some(next) => node = next,
            None => return false,
        }
    }
    node.get("properties").and_then(|p| p.get(name)).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn example() -> Value {
        json!({
            "name": "Beispielträger e. V.",
            "anschrift": {"strasse": "Musterweg 1", "plz": "40822", "ort": "Mettmann"},
            "logo": "logo.svg",
            "datenschutzbeauftragte": {"name": "Erika Beispiel", "kontakt": "datenschutz@example.org"},
            "kommune": "mettmann"
        })
    }

    #[test]
    fn a_complete_profile_is_read() {
        let profile = Profile::parse(&example().to_string()).unwrap();
        assert_eq!(profile.name, "Beispielträger e. V.");
        assert_eq!(profile.kommune.as_deref(), Some("mettmann"));
    }

    #[test]
    fn problems_name_the_place() {
        let mut missing = example();
        missing["anschrift"].as_object_mut().unwrap().remove("plz");
        assert_eq!(Profile::from_value(missing), Err(ProfileError::Missing { pointer: "/anschrift/plz".into() }));
        let mut wrong = example();
        wrong["kommune"] = json!("berlin");
        assert_eq!(Profile::from_value(wrong), Err(ProfileError::Invalid { pointer: "/kommune".into() }));
        let mut extra = example();
        extra["farbe"] = json!("rot");
        assert_eq!(Profile::from_value(extra), Err(ProfileError::Unexpected { pointer: "/farbe".into() }));
        assert_eq!(Profile::parse("{\n \"name\": }"), Err(ProfileError::Syntax { line: 2, column: 10 }));
    }

    #[test]
    fn a_logo_on_another_origin_is_refused() {
        for logo in ["https://cdn.example.com/logo.svg", "//cdn.example.com/logo.svg", "data:image/svg+xml,<svg/>"] {
            let mut profile = example();
            profile["logo"] = json!(logo);
            assert_eq!(Profile::from_value(profile), Err(ProfileError::Invalid { pointer: "/logo".into() }), "{logo}");
        }
        for logo in ["logo.svg", "/bilder/logo.png", "./logo.svg"] {
            let mut profile = example();
            profile["logo"] = json!(logo);
            assert!(Profile::from_value(profile).is_ok(), "{logo}");
        }
    }

    #[test]
    fn prefill_fills_only_declared_empty_fields() {
        let profile = Profile::from_value(example()).unwrap();
        let schema = json!({"properties": {"erstgespraech": {"properties": {
            "kommune": {"type": "string"}, "traeger": {"type": "string"}}}}});
        let mut data = json!({"erstgespraech": {"traeger": "Getippt"}});
        profile.prefill(&schema, &mut data);
        assert_eq!(data, json!({"erstgespraech": {"traeger": "Getippt", "kommune": "mettmann"}}));
    }

    #[test]
    fn the_record_schema_holds_the_same_profile_rules() {
        let record: Value = serde_json::from_str(include_str!("../../../forms/record.schema.json")).unwrap();
        let profile: Value = serde_json::from_str(SCHEMA).unwrap();
        for key in ["type", "additionalProperties", "required", "properties"] {
            assert_eq!(record["properties"]["traeger"][key], profile[key], "{key}");
        }
    }

    #[test]
    fn the_message_names_the_place_in_the_texts_language() {
        let texts: Texts = serde_json::from_value(json!({"lang": "de", "ui": {
            "profile.problem": "Profil: {reason}", "profile.missing": "{where} fehlt."}}))
        .unwrap();
        let error = ProfileError::Missing { pointer: "/name".into() };
        assert_eq!(error.text(&texts), "Profil: /name fehlt.");
    }
}
