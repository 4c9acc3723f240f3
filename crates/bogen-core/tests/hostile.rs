//! Hostile text in values and form texts: markup, bidi controls, zero-width characters and very
//! long strings are data like any other. Core keeps them byte for byte (escaping is the
//! renderers' job, and they render text, never markup) and refuses what is too long with the
//! form's message instead of working on it for long.

mod support;

use bogen_core::{FormBundle, Record};
use serde_json::{json, Value};
use support::*;

/// Values people could paste or a hostile file could carry.
const HOSTILE: &[&str] = &[
    "<script>window.pwned=1</script>",
    "<img src=x onerror=window.pwned=1>",
    "\u{202e}fdp.exe\u{202c} Haddad",
    "\u{2066}Amal\u{2069} \u{2067}أمل\u{2069} \u{2068}x\u{2069}\u{200e}\u{200f}",
    "Ha\u{200b}d\u{200c}d\u{200d}a\u{2060}d\u{feff}",
    "\"}); alert(1); ({\"",
];

fn with_name(value: &str) -> Value {
    let mut data = example("screening", "full");
    data["person"]["vorname"] = json!(value);
    data["person"]["erreichbarkeit"] = json!(value);
    data
}

#[test]
fn hostile_values_are_valid_text_and_survive_a_record_unchanged() {
    let form = bundle("screening");
    for value in HOSTILE {
        let data = with_name(value);
        assert!(form.validate(&data).is_empty(), "{value:?}:{}", show(&form.validate(&data)));
        let record = Record::new(&form, data, "de", "2026-11-30T10:00:00Z");
        let json = record.to_json();
        let back = Record::parse(&json).unwrap_or_else(|e| panic!("{value:?}: {e}"));
        assert_eq!(back.data["person"]["vorname"], json!(value), "kept byte for byte");
        assert_eq!(back, record);
        assert!(back.check(&form).unwrap().is_empty());
    }
}

#[test]
fn a_megabyte_string_gets_the_max_length_message() {
    let form = bundle("screening");
    let long = "\u{202e}<b>".repeat(1 << 18); // 1 MB of bidi overrides and markup
    let message = message_at(&form, &with_name(&long), "/person/vorname");
    assert!(message.contains("höchstens 200 Zeichen"), "{message}");
    // The record of such data is still a record: what was typed is never lost.
    let record = Record::new(&form, with_name(&long), "de", "2026-11-30T10:00:00Z");
    assert_eq!(Record::parse(&record.to_json()).unwrap(), record);
}

#[test]
fn form_texts_with_markup_are_kept_as_text_in_messages() {
    let schema = r#"{"$id": "urn:bogen:form:probe:1.0.0", "type": "object", "required": ["a"],
        "properties": {"a": {"type": "string"}}}"#;
    let texts = r#"{"lang": "de", "form": {"title": "<script>window.pwned=1</script>"},
        "errors": {"required": "Bitte füllen Sie „{title}“ aus."},
        "fields": {"a": {"title": "<img src=x onerror=window.pwned=1>\u202e", "help": "<b>fett</b>"}}}"#;
    let form = FormBundle::from_json(schema, "{}", texts).unwrap();
    assert_eq!(form.title(), "<script>window.pwned=1</script>");
    let a = form.root.find("a").unwrap();
    assert_eq!(a.help.as_deref(), Some("<b>fett</b>"));
    let errors = form.validate(&json!({}));
    assert_eq!(errors[0].message, "Bitte füllen Sie „<img src=x onerror=window.pwned=1>\u{202e}“ aus.");
}
