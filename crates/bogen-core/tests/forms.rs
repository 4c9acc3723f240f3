//! The built-in forms in `forms/`: they load, every field has German texts, the examples are
//! valid, the rules of each form reject what they should with a message at the right field, and
//! the record schema for case stores accepts what Bogen writes.

mod support;

use bogen_core::texts::FieldTexts;
use bogen_core::validation::Validator;
use bogen_core::{FieldKind, Mark, Point, Record, Signature, Texts};
use serde_json::{json, Value};
use std::collections::BTreeSet;

use support::*;

#[test]
fn every_form_loads_and_its_id_is_its_folder() {
    for id in FORMS {
        let schema = json_file(&format!("{id}/schema.json"));
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{id}");
        let version = if id == "screening" { "1.2.0" } else { "1.0.0" };
        assert_eq!(schema["$id"], format!("urn:bogen:form:{id}:{version}"), "{id}");
        assert_eq!(schema["type"], "object", "{id}");
        let form = bundle(id);
        assert_eq!(form.id, id);
        assert_eq!(form.version.to_string(), version);
        assert!(form.texts.form.title.is_some() && form.texts.form.description.is_some(), "{id}: form texts");
        assert_ne!(form.title(), id, "{id}: the form needs a German title");
    }
}

#[test]
fn every_field_has_a_german_title_and_every_code_a_label() {
    for id in FORMS {
        let form = bundle(id);
        let own = form_texts(id);
        let fields = tree_fields(&form.root);
        assert!(fields.len() > 10, "{id}: only {} fields", fields.len());
        for field in fields {
            let title = own.field(&field.key).and_then(|t| t.title.as_deref());
            let title = title.unwrap_or_else(|| panic!("{id}: field {} has no title in i18n/de.json", field.key));
            assert_eq!(field.label, title, "{id}: {}", field.key);
            assert_ne!(field.label, field.name, "{id}: {} is titled with its property name", field.key);
            let choices = match &field.kind {
                FieldKind::Choice { choices, .. } | FieldKind::MultiChoice { choices } => choices,
                _ => continue,
            };
            for choice in choices {
                let label = own.field(&field.key).and_then(|t| t.choices.get(&choice.code));
                assert!(label.is_some(), "{id}: code {} of {} has no label", choice.code, field.key);
                assert_eq!(&choice.label, label.unwrap());
            }
            let labels = &own.field(&field.key).unwrap().choices;
            for code in labels.keys() {
                assert!(choices.iter().any(|c| &c.code == code), "{id}: {} labels unknown code {code}", field.key);
            }
        }
    }
}

#[test]
fn texts_name_only_real_fields_and_known_keywords() {
    let common = Texts::from_json(&read("common/i18n/de.json")).unwrap();
    for id in FORMS {
        let schema = json_file(&format!("{id}/schema.json"));
        let keys: BTreeSet<String> = schema_fields(&schema).into_iter().map(|(k, _, _)| k).collect();
        let own = form_texts(id);
        assert_eq!(own.lang, "de");
        for (key, texts) in &own.fields {
            assert!(keys.contains(key), "{id}: i18n/de.json has texts for {key}, which is no field");
            for keyword in texts.errors.keys() {
                assert!(
                    common.errors.contains_key(keyword),
                    "{id}: {key} has a message for {keyword}, which the shared texts do not know"
                );
            }
        }
        for key in &keys {
            assert!(own.fields.contains_key(key), "{id}: field {key} (possibly hidden) has no texts");
        }
        for (key, field, _) in schema_fields(&schema) {
            if field.get("minLength") == Some(&json!(1)) {
                let errors = &own.fields[&key].errors;
                assert!(
                    errors.contains_key("minLength") && errors.get("minLength") == errors.get("required"),
                    "{id}: {key}: an empty text is a missing one; say so with the required message"
                );
            }
        }
        assert!(own.errors.is_empty() && own.ui.is_empty(), "{id}: shared messages belong in forms/common");
    }
}

fn all_texts(t: &Texts) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    out.extend(t.form.title.as_deref().map(|s| ("form.title".to_owned(), s)));
    out.extend(t.form.description.as_deref().map(|s| ("form.description".to_owned(), s)));
    for (key, f) in &t.fields {
        let FieldTexts { title, help, placeholder, choices, errors } = f;
        out.extend(title.as_deref().map(|s| (format!("{key} title"), s)));
        out.extend(help.as_deref().map(|s| (format!("{key} help"), s)));
        out.extend(placeholder.as_deref().map(|s| (format!("{key} placeholder"), s)));
        out.extend(choices.iter().map(|(c, s)| (format!("{key} enum {c}"), s.as_str())));
        out.extend(errors.iter().map(|(e, s)| (format!("{key} errors {e}"), s.as_str())));
    }
    out
}

#[test]
fn texts_are_plain_text_without_html() {
    for id in FORMS {
        let own = form_texts(id);
        for (place, text) in all_texts(&own) {
            assert!(!text.trim().is_empty(), "{id}: {place} is empty");
            assert_eq!(text.trim(), text, "{id}: {place} has surrounding white space");
            assert!(!text.contains(['<', '>']), "{id}: {place} looks like HTML: {text}");
            assert!(!text.contains("&lt;") && !text.contains("&amp;") && !text.contains("&nbsp;"), "{id}: {place}");
            assert!(!text.contains("\n\n\n"), "{id}: {place}: paragraphs are separated by one blank line");
            let single_breaks = text.split("\n\n").any(|paragraph| paragraph.contains('\n'));
            assert!(!single_breaks, "{id}: {place}: line breaks only between paragraphs (\\n\\n)");
        }
    }
}

#[test]
fn field_keys_and_codes_are_stable_ascii() {
    let is_key =
        |s: &str| s.starts_with(|c: char| c.is_ascii_lowercase()) && s.chars().all(|c| c.is_ascii_alphanumeric());
    let is_code = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    for id in FORMS {
        let schema = json_file(&format!("{id}/schema.json"));
        for (key, field, _) in schema_fields(&schema) {
            for segment in key.split('.').filter(|s| *s != "*") {
                assert!(is_key(segment), "{id}: {key}: {segment} is not lowercase camelCase ASCII");
            }
            let codes = field.get("enum").or_else(|| field.pointer("/items/enum"));
            for code in codes.and_then(Value::as_array).into_iter().flatten() {
                let code = code.as_str().unwrap_or_else(|| panic!("{id}: {key}: code {code} is no string"));
                assert!(is_code(code), "{id}: {key}: code {code} is not lowercase ASCII");
            }
        }
    }
}

#[test]
fn every_object_is_closed_and_every_text_bounded() {
    for id in FORMS {
        let schema = json_file(&format!("{id}/schema.json"));
        assert_eq!(schema["additionalProperties"], false, "{id}: root");
        for (key, field, _) in schema_fields(&schema) {
            match field.get("type").and_then(Value::as_str) {
                Some("object") => assert!(
                    field["additionalProperties"] == false || field["unevaluatedProperties"] == false,
                    "{id}: {key} is not closed"
                ),
                Some("string") => {
                    let bounded = field.get("maxLength").is_some()
                        || field.get("enum").is_some()
                        || field.get("const").is_some()
                        || field.get("format").and_then(Value::as_str) == Some("date");
                    assert!(bounded, "{id}: {key} has no maxLength");
                }
                Some("array") => {
                    let choices = field["items"].get("enum").is_some();
                    assert!(
                        field.get("maxItems").is_some() || (choices && field["uniqueItems"] == true),
                        "{id}: list {key} has no maxItems"
                    );
                }
                Some("boolean" | "integer" | "number") => {}
                other => panic!("{id}: {key} has type {other:?}"),
            }
        }
    }
}

#[test]
fn examples_are_valid() {
    for id in FORMS {
        let form = bundle(id);
        for name in ["minimal", "full"] {
            let data = example(id, name);
            let errors = form.validate(&data);
            assert!(errors.is_empty(), "{id}/examples/{name}.json is not valid:{}", show(&errors));
            assert!(form.is_valid(&data));
        }
    }
}

#[test]
fn minimal_examples_fill_only_required_fields_and_full_ones_every_field() {
    for id in FORMS {
        let schema = json_file(&format!("{id}/schema.json"));
        let fields = schema_fields(&schema);
        let mut minimal = BTreeSet::new();
        keys_used(&example(id, "minimal"), "", &mut minimal);
        for key in &minimal {
            let required = fields.iter().any(|(k, _, r)| k == key && (*r || k.ends_with(".*")));
            assert!(required, "{id}/examples/minimal.json fills {key}, which is not required");
        }
        let mut full = BTreeSet::new();
        let data = example(id, "full");
        keys_used(&data, "", &mut full);
        // A follow-up question whose condition the example does not meet cannot be filled in
        // (form_rules.rs tries each one); every other field is used.
        let form = bundle(id);
        let visibility = form.visibility(&data);
        let hidden: BTreeSet<String> = visibility.hidden().map(bogen_core::path::field_key).collect();
        // Items and parts of a hidden list are hidden with it.
        let hidden: BTreeSet<String> = fields
            .iter()
            .map(|(k, _, _)| k.clone())
            .filter(|k| hidden.iter().any(|h| k == h || k.starts_with(&format!("{h}."))))
            .collect();
        for (key, _, _) in &fields {
            assert!(full.contains(key) || hidden.contains(key), "{id}/examples/full.json does not use {key}");
            assert!(!(full.contains(key) && hidden.contains(key)), "{id}/examples/full.json fills hidden {key}");
        }
    }
}

#[test]
fn empty_data_is_invalid_and_names_the_required_fields() {
    for id in FORMS {
        let form = bundle(id);
        let schema = json_file(&format!("{id}/schema.json"));
        let errors = form.validate(&json!({}));
        assert!(!errors.is_empty(), "{id}: {{}} is valid");
        let required: Vec<&str> = schema["required"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        assert!(!required.is_empty());
        let pointers: BTreeSet<String> = errors.iter().map(|e| e.pointer.clone()).collect();
        let expected: BTreeSet<String> = required.iter().map(|r| format!("/{r}")).collect();
        assert_eq!(pointers, expected, "{id}:{}", show(&errors));
        for e in &errors {
            // Hidden fields (the text version of the Datenschutzerklärung) are not in the tree.
            let key = e.pointer.trim_start_matches('/');
            let texts = form.texts.field(key).unwrap_or_else(|| panic!("{id}: {key} has no texts"));
            match texts.errors.get("required") {
                Some(own) => assert_eq!(&e.message, own),
                None => {
                    let title = texts.title.as_deref().unwrap();
                    assert!(e.message.contains(title), "{id}: {} does not name the field", e.message)
                }
            }
        }
    }
}

#[test]
fn required_fields_are_marked_in_the_tree() {
    let form = bundle("hilfeplan");
    assert!(form.root.find("vereinbarungen.ueberpruefungstermin").unwrap().required);
    assert!(!form.root.find("vereinbarungen.aushaendigungAm").unwrap().required);
    let form = bundle("datenschutz");
    assert!(form.root.find("einwilligung.caseManagement").unwrap().required);
    assert!(form.root.find("erklaerungVersion").is_none(), "the text version is hidden");
    for recipient in ["auslaenderbehoerde", "jobcenter", "agenturFuerArbeit", "sozialamt", "kimKoordination"] {
        let field = form.root.find(&format!("weitergabe.{recipient}")).unwrap();
        assert!(!field.required, "{recipient} must be an opt-in");
        assert_eq!(field.kind, FieldKind::Boolean);
    }
}

#[test]
fn record_schema_accepts_the_records_bogen_writes() {
    let schema = json_file("record.schema.json");
    let records = Validator::compile(&schema).expect("record.schema.json is valid JSON Schema 2020-12");
    for id in FORMS {
        let form = bundle(id);
        let data = example(id, "full");
        let mut record = Record::new(&form, data.clone(), "de", "2026-11-30T10:15:00+01:00");
        let text_version = data.get("erklaerungVersion").and_then(Value::as_str).map(str::to_owned);
        record.signatures.push(Signature {
            role: "teilnehmende".into(),
            name: "Teilnehmende Person".into(),
            place: "Mettmann".into(),
            signed_at: "2026-11-30T10:20:00+01:00".into(),
            mark: Mark::Drawn {
                width: 600.0,
                height: 200.0,
                strokes: vec![vec![Point { x: 10.0, y: 150.5, t: 0.0 }, Point { x: 42.0, y: 120.0, t: 16.0 }]],
            },
            data_hash: record.data_hash.clone(),
            text_version,
        });
        record.signatures.push(Signature {
            role: "casemanagement".into(),
            name: "Case Managerin".into(),
            place: String::new(),
            signed_at: "2026-11-30T09:21:00Z".into(),
            mark: Mark::Typed { typed_name: "Case Managerin".into(), confirmed: true },
            data_hash: record.data_hash.clone(),
            text_version: None,
        });
        let text = record.to_json();
        assert_eq!(Record::parse(&text).unwrap(), record, "{id}: the record reads back");
        let value: Value = serde_json::from_str(&text).unwrap();
        assert!(records.is_valid(&value), "{id}: {:?}", records.violations(&value));
        let unsigned: Value =
            serde_json::from_str(&Record::new(&form, data, "de", "2026-11-30T10:15:00Z").to_json()).unwrap();
        assert!(records.is_valid(&unsigned), "{id}: {:?}", records.violations(&unsigned));
    }

    let form = bundle("hilfeplan");
    let record = Record::new(&form, example("hilfeplan", "minimal"), "de", "2026-11-30T10:15:00Z");
    let good: Value = serde_json::from_str(&record.to_json()).unwrap();
    let broken = [
        ("/format", Some(json!("bogen"))),
        ("/formatVersion", Some(json!(2))),
        ("/dataHash", Some(json!("sha256:ABC"))),
        ("/dataHash", None),
        ("/created", Some(json!("30.11.2026"))),
        ("/form/version", Some(json!("1.0"))),
        ("/form/schemaHash", Some(json!("md5:0"))),
        ("/data", Some(json!([]))),
        ("/extra", Some(json!(1))),
        (
            "/signatures",
            Some(json!([{"role": "teilnehmende", "name": "A", "signedAt": "2026-11-30T10:00:00Z",
            "mark": {"method": "stamp"}, "dataHash": record.data_hash}])),
        ),
        (
            "/signatures",
            Some(json!([{"role": "teilnehmende", "name": "A", "signedAt": "2026-11-30T10:00:00Z",
            "mark": {"method": "typed", "typedName": "A", "confirmed": true}}])),
        ),
    ];
    for (pointer, value) in broken {
        let bad = with(&good, pointer, value);
        assert!(!records.is_valid(&bad), "a record with {pointer} changed must not pass");
    }
}

fn docs() -> String {
    let path = forms_dir().join("../docs/forms.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn docs_list_every_field_key() {
    let docs = docs();
    let areas = [
        "aufenthalt",
        "wohnen",
        "gesundheit",
        "sprache",
        "bildung",
        "arbeit",
        "finanzen",
        "familie",
        "netzwerk",
        "alltag",
    ];
    for id in FORMS {
        for (key, _, _) in schema_fields(&json_file(&format!("{id}/schema.json"))) {
            if key.ends_with(".*") {
                continue;
            }
            let mut documented = key.clone();
            if let Some(area) = areas.iter().find(|a| key.starts_with(&format!("lebensbereiche.{a}"))) {
                documented = key.replacen(&format!("lebensbereiche.{area}"), "lebensbereiche.<bereich>", 1);
            }
            assert!(docs.contains(&format!("`{documented}`")), "docs/forms.md does not list {id}: {documented}");
        }
    }
}

#[test]
fn the_record_in_the_docs_is_a_valid_record_with_the_stated_digest() {
    let docs = docs();
    let start = docs.find("```json\n").expect("a JSON example") + "```json\n".len();
    let example = &docs[start..start + docs[start..].find("```").unwrap()];
    let record = Record::parse(example).expect("the documented record parses and its digest matches");
    let value: Value = serde_json::from_str(example).unwrap();
    let records = Validator::compile(&json_file("record.schema.json")).unwrap();
    assert!(records.is_valid(&value), "{:?}", records.violations(&value));
    let form = bundle(&record.form.id);
    assert!(record.check(&form).is_ok());
    assert!(form.validate(&record.data).is_empty(), "{}", show(&form.validate(&record.data)));
    assert!(record.signatures.iter().all(|s| s.covers(&record.data)));
    let canonical = serde_json_canonicalizer::to_string(&record.data).unwrap();
    assert!(docs.contains(&format!("```\n{canonical}\n```")), "the documented canonical text is RFC 8785");
    assert!(docs.contains(&format!("its digest `{}`", record.data_hash)));
    assert_eq!(bogen_core::canonical::digest(&record.data), record.data_hash);
}

#[test]
fn layout_files_hold_no_texts() {
    fn walk(node: &Value, at: &str, id: &str) {
        if let Value::Object(map) = node {
            for (key, value) in map {
                let text_hint = ["ui:title", "ui:help", "ui:description", "ui:placeholder"].contains(&key.as_str());
                assert!(!text_hint, "{id}/ui.json{at}: {key}: texts belong in i18n/de.json");
                walk(value, &format!("{at}/{key}"), id);
            }
        }
    }
    for id in FORMS {
        walk(&json_file(&format!("{id}/ui.json")), "", id);
    }
}
