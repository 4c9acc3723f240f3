//! Texts people read, per language, kept out of code so translators and Träger can change them.
//!
//! A text file (`forms/<id>/i18n/<lang>.json`, and the shared `forms/common/i18n/<lang>.json`)
//! looks like this:
//!
//! ```json
//! {
//!   "lang": "de",
//!   "reviewed": true,
//!   "form": { "title": "Hilfeplan", "description": "…" },
//!   "fields": {
//!     "ziele": { "title": "Ziele" },
//!     "ziele.*.ziel": { "title": "Ziel", "help": "…", "placeholder": "…",
//!                       "errors": { "required": "Bitte beschreiben Sie das Ziel." } },
//!     "ziele.*.lebensbereich": { "title": "Lebensbereich", "enum": { "wohnen": "Wohnen" } }
//!   },
//!   "errors": { "required": "Bitte füllen Sie „{title}“ aus." },
//!   "ui": { "save": "JSON speichern" }
//! }
//! ```
//!
//! Field keys are explained in [`crate::path`]. Placeholders in braces are filled from the
//! violated keyword's parameters (`{limit}`, `{format}`) and the field's `{title}`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The texts of one field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// Labels of enum codes: data stays language-neutral, only the label is translated.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", rename = "enum")]
    pub choices: BTreeMap<String, String>,
    /// Messages for this field, by JSON Schema keyword, overriding the generic ones.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, String>,
}

/// Title and introduction of a form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// All texts of one language: the shared texts with a form's texts laid over them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub lang: String,
    /// False until a qualified translator has checked the file; the UI says so.
    #[serde(default)]
    pub reviewed: bool,
    #[serde(default)]
    pub form: FormTexts,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldTexts>,
    /// Generic messages by JSON Schema keyword.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, String>,
    /// Texts of the surrounding interface: buttons, headings, notices.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ui: BTreeMap<String, String>,
}

impl Texts {
    /// Parses a text file; errors name the file's line and column.
    pub fn from_json(text: &str) -> Result<Texts, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Lays `form` over `self` (the shared texts): the form's entries win.
    pub fn layered(mut self, form: Texts) -> Texts {
        self.lang = form.lang;
        self.reviewed = self.reviewed && form.reviewed;
        if form.form.title.is_some() {
            self.form.title = form.form.title;
        }
        if form.form.description.is_some() {
            self.form.description = form.form.description;
        }
        self.fields.extend(form.fields);
        self.errors.extend(form.errors);
        self.ui.extend(form.ui);
        self
    }

    /// The texts of a field, if any.
    pub fn field(&self, key: &str) -> Option<&FieldTexts> {
        self.fields.get(key)
    }

    /// An interface text, or the key itself so a missing text is visible rather than blank.
    pub fn ui<'a>(&'a self, key: &'a str) -> &'a str {
        self.ui.get(key).map(String::as_str).unwrap_or(key)
    }
}

/// Fills `{name}` placeholders from `values`; unknown placeholders stay as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // One pass over the template: a value that itself reads like a placeholder (a file called
    // "{installed}.json") is text, never filled in again.
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let known = after.find('}').and_then(|end| {
            let name = &after[..end];
            values.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v, end))
        });
        match known {
            Some((value, end)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether text in `lang` (a BCP 47 tag) runs right to left, so screens set `dir="rtl"` and PDFs
/// lay lines out from the right. Only the primary subtag decides: the scripts these languages are
/// written in by default (Arabic, Hebrew, Thaana) run right to left; a tag naming a Latin script
/// for one of them is too rare among KIM's participants to be worth a table of scripts.
pub fn is_right_to_left(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    // Arabic, Persian (and Dari: prs), Pashto, Urdu, Sorani Kurdish, Sindhi, Uyghur, Hebrew,
    // Yiddish, Dhivehi.
    matches!(primary.as_str(), "ar" | "fa" | "prs" | "ps" | "ur" | "ckb" | "sd" | "ug" | "he" | "yi" | "dv")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once_and_values_stay_as_they_are() {
        let text = fill(
            "{file}: Version {found}, aktuell {installed} {unknown}",
            &[("file", "{installed}.json"), ("found", "1.0.0"), ("installed", "1.1.0")],
        );
        assert_eq!(text, "{installed}.json: Version 1.0.0, aktuell 1.1.0 {unknown}");
        assert_eq!(fill("{{a}} {", &[("a", "x")]), "{x} {");
    }

    #[test]
    fn arabic_and_persian_run_right_to_left_the_other_participant_languages_do_not() {
        for lang in ["ar", "fa", "AR", "fa-AF", "prs", "ar_SY"] {
            assert!(is_right_to_left(lang), "{lang}");
        }
        for lang in ["de", "en", "uk", "ru", "tr", "ro", "bg", "", "arn"] {
            assert!(!is_right_to_left(lang), "{lang}");
        }
    }

    #[test]
    fn form_texts_override_shared_ones() {
        let shared = Texts::from_json(
            r#"{"lang":"de","reviewed":true,"errors":{"required":"Pflicht","type":"Typ"},"ui":{"save":"Speichern"}}"#,
        )
        .unwrap();
        let form = Texts::from_json(
            r#"{"lang":"de","reviewed":true,"errors":{"required":"Bitte ausfüllen"},"fields":{"a":{"title":"A"}}}"#,
        )
        .unwrap();
        let t = shared.layered(form);
        assert_eq!(t.errors["required"], "Bitte ausfüllen");
        assert_eq!(t.errors["type"], "Typ");
        assert_eq!(t.ui("save"), "Speichern");
        assert_eq!(t.ui("missing"), "missing");
        assert_eq!(t.field("a").unwrap().title.as_deref(), Some("A"));
    }

    #[test]
    fn unknown_entries_are_refused() {
        let err = Texts::from_json(r#"{"lang":"de","fields":{"a":{"titel":"A"}}}"#).unwrap_err();
        assert!(err.to_string().contains("titel"), "{err}");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill("mind. {limit} Zeichen in „{title}“", &[("limit", "3"), ("title", "Name")]),
            "mind. 3 Zeichen in „Name“"
        );
    }
}
