//! The built-in forms in `forms/`: they load, every field has German texts, the examples are
//! valid, the rules of each form reject what they should with a message at the right field, and
//! the record schema for case stores accepts what Bogen writes.

use std::collections::BTreeSet;
use std::path::PathBuf;

use bogen_core::texts::FieldTexts;
use bogen_core::validation::Validator;
use bogen_core::{Field, FieldError, FieldKind, FormBundle, Mark, Point, Record, Signature, Texts};
use serde_json::{json, Value};

const FORMS: [&str; 4] = ["screening", "assessment", "datenschutz", "hilfeplan"];

fn forms_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../forms")
}

fn read(path: &str) -> String {
    let full = forms_dir().join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn json_file(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The form's own German texts, without the shared ones.
fn form_texts(id: &str) -> Texts {
    Texts::from_json(&read(&format!("{id}/i18n/de.json"))).unwrap_or_else(|e| panic!("{id}/i18n/de.json: {e}"))
}

/// Shared German texts with the form's laid over them, as every renderer loads them.
fn texts(id: &str) -> Texts {
    let common = Texts::from_json(&read("common/i18n/de.json")).expect("common/i18n/de.json");
    common.layered(form_texts(id))
}

fn bundle(id: &str) -> FormBundle {
    let texts = serde_json::to_string(&texts(id)).unwrap();
    FormBundle::from_json(&read(&format!("{id}/schema.json")), &read(&format!("{id}/ui.json")), &texts)
        .unwrap_or_else(|e| panic!("form {id} does not load: {e}"))
}

fn example(id: &str, name: &str) -> Value {
    json_file(&format!("{id}/examples/{name}.json"))
}

fn show(errors: &[FieldError]) -> String {
    errors.iter().map(|e| format!("\n  {}: {}", e.pointer, e.message)).collect()
}

/// Asserts the data is invalid with a message at `pointer`, and returns that message.
fn message_at(form: &FormBundle, data: &Value, pointer: &str) -> String {
    let errors = form.validate(data);
    assert!(!form.is_valid(data), "{}: expected invalid data, got none", form.id);
    match errors.iter().find(|e| e.pointer == pointer) {
        Some(e) => {
            assert!(!e.message.contains('{'), "{}: unfilled placeholder in {:?}", form.id, e.message);
            e.message.clone()
        }
        None => panic!("{}: expected a message at {pointer}, got:{}", form.id, show(&errors)),
    }
}

/// The message a field's own texts give for `keyword`.
fn own_message(form: &FormBundle, key: &str, keyword: &str) -> String {
    form.texts
        .field(key)
        .and_then(|t| t.errors.get(keyword))
        .unwrap_or_else(|| panic!("{}: {key} has no own message for {keyword}", form.id))
        .clone()
}

/// Sets (or with `None` removes) the value at a JSON pointer of a copy of `data`.
fn with(data: &Value, pointer: &str, value: Option<Value>) -> Value {
    let mut data = data.clone();
    let (parent, last) = pointer.rsplit_once('/').expect("pointer");
    let target = data.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent} in the example"));
    match (target, value) {
        (Value::Object(map), Some(v)) => {
            map.insert(last.to_owned(), v);
        }
        (Value::Object(map), None) => {
            map.remove(last).unwrap_or_else(|| panic!("no {pointer} to remove"));
        }
        (Value::Array(items), Some(v)) => items[last.parse::<usize>().unwrap()] = v,
        (Value::Array(items), None) => {
            items.remove(last.parse::<usize>().unwrap());
        }
        (other, _) => panic!("{parent} is {other}, not a container"),
    }
    data
}

/// Every field of the schema as (field key, resolved schema, required), hidden ones included,
/// in schema order. Lists of choices are one field; other lists have an item field `key.*`.
fn schema_fields(root: &Value) -> Vec<(String, Value, bool)> {
    fn resolve<'a>(root: &'a Value, mut schema: &'a Value) -> &'a Value {
        while let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            schema = root.pointer(r.trim_start_matches('#')).unwrap_or_else(|| panic!("dangling {r}"));
        }
        schema
    }
    fn walk(root: &Value, schema: &Value, key: &str, out: &mut Vec<(String, Value, bool)>) {
        let schema = resolve(root, schema);
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for (name, child) in props {
                let child_key = if key.is_empty() { name.clone() } else { format!("{key}.{name}") };
                out.push((child_key.clone(), resolve(root, child).clone(), required.contains(&name.as_str())));
                walk(root, child, &child_key, out);
            }
        }
        if let Some(items) = schema.get("items") {
            if resolve(root, items).get("enum").is_none() {
                let item_key = format!("{key}.*");
                out.push((item_key.clone(), resolve(root, items).clone(), false));
                walk(root, items, &item_key, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, "", &mut out);
    out
}

/// Every field of the tree a renderer walks, groups and list items included, root excluded.
fn tree_fields(field: &Field) -> Vec<&Field> {
    let mut out = Vec::new();
    let mut stack = vec![field];
    while let Some(f) = stack.pop() {
        if !f.key.is_empty() {
            out.push(f);
        }
        match &f.kind {
            FieldKind::Group { fields } => stack.extend(fields.iter().rev()),
            FieldKind::List { item, .. } => stack.push(item),
            _ => {}
        }
    }
    out
}

/// Every pointer (with array positions) at which `data` has a value, mapped to field keys.
fn keys_used(data: &Value, key: &str, out: &mut BTreeSet<String>) {
    match data {
        Value::Object(map) => {
            for (name, value) in map {
                let child = if key.is_empty() { name.clone() } else { format!("{key}.{name}") };
                out.insert(child.clone());
                keys_used(value, &child, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                if item.is_object() {
                    out.insert(format!("{key}.*"));
                    keys_used(item, &format!("{key}.*"), out);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn every_form_loads_and_its_id_is_its_folder() {
    for id in FORMS {
        let schema = json_file(&format!("{id}/schema.json"));
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{id}");
        assert_eq!(schema["$id"], format!("urn:bogen:form:{id}:1.0.0"), "{id}");
        assert_eq!(schema["type"], "object", "{id}");
        let form = bundle(id);
        assert_eq!(form.id, id);
        assert_eq!(form.version.to_string(), "1.0.0");
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
                Some("object") => assert_eq!(field["additionalProperties"], false, "{id}: {key} is not closed"),
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
        keys_used(&example(id, "full"), "", &mut full);
        for (key, _, _) in &fields {
            assert!(full.contains(key), "{id}/examples/full.json does not use {key}");
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
fn screening_rules() {
    let form = bundle("screening");
    let full = example("screening", "full");
    let minimal = example("screening", "minimal");

    let m = message_at(&form, &with(&full, "/erstgespraech/datum", Some(json!("2024-02-30"))), "/erstgespraech/datum");
    assert!(m.contains("Datum des Erstgesprächs") && m.contains("TT.MM.JJJJ"), "{m}");
    let m = message_at(&form, &with(&minimal, "/erstgespraech/datum", None), "/erstgespraech/datum");
    assert_eq!(m, own_message(&form, "erstgespraech.datum", "required"));
    let m =
        message_at(&form, &with(&full, "/erstgespraech/kommune", Some(json!("duesseldorf"))), "/erstgespraech/kommune");
    assert_eq!(m, own_message(&form, "erstgespraech.kommune", "enum"));
    let m = message_at(&form, &with(&full, "/person/vorname", None), "/person/vorname");
    assert_eq!(m, "Bitte geben Sie den Vornamen an.");
    message_at(&form, &with(&full, "/person/name", Some(json!(""))), "/person/name");
    message_at(&form, &with(&full, "/person/name", Some(json!("x".repeat(10_000)))), "/person/name");
    message_at(&form, &with(&full, "/person/adresse/plz", Some(json!("4055"))), "/person/adresse/plz");
    message_at(&form, &with(&full, "/person/email", Some(json!("ionela.munteanu"))), "/person/email");
    message_at(&form, &with(&full, "/person/spitzname", Some(json!("Ioni"))), "/person/spitzname");
    message_at(&form, &with(&full, "/haushalt/personenImHaushalt", Some(json!(0))), "/haushalt/personenImHaushalt");
    message_at(&form, &with(&full, "/haushalt/kinder/1/vorname", None), "/haushalt/kinder/1/vorname");

    // "Sonstiges" needs an explanation; a referral names who referred; interpreting names the language.
    let other = with(&minimal, "/erstgespraech/zugangsweg", Some(json!("sonstiges")));
    let m = message_at(&form, &other, "/erstgespraech/zugangswegErlaeuterung");
    assert_eq!(m, own_message(&form, "erstgespraech.zugangswegErlaeuterung", "required"));
    assert!(form.is_valid(&with(&other, "/erstgespraech/zugangswegErlaeuterung", Some(json!("Stadtteilfest")))));
    let referred = with(&minimal, "/erstgespraech/zugangsweg", Some(json!("prozessvereinbarung")));
    message_at(&form, &referred, "/erstgespraech/verweisendeStelle");
    let interpreted = with(&minimal, "/erstgespraech/dolmetschung", Some(json!(true)));
    message_at(&form, &interpreted, "/erstgespraech/dolmetschungSprache");
    assert!(form.is_valid(&with(&minimal, "/erstgespraech/dolmetschung", Some(json!(false)))));
    let status = with(&minimal, "/aufenthalt/status", Some(json!("sonstige")));
    message_at(&form, &status, "/aufenthalt/erlaeuterung");
    message_at(&form, &with(&full, "/aufenthalt/status", Some(json!("fiktion"))), "/aufenthalt/status");

    // A referral names where to; an admission needs a target group and a complex need.
    let referral = with(&minimal, "/ergebnis/entscheidung", Some(json!("verweis")));
    let m = message_at(&form, &referral, "/ergebnis/verwiesenAn");
    assert_eq!(m, own_message(&form, "ergebnis.verwiesenAn", "required"));
    let admitted = with(&minimal, "/ergebnis/entscheidung", Some(json!("aufnahme")));
    message_at(&form, &admitted, "/zielgruppe");
    message_at(&form, &admitted, "/hilfebedarf");
    let not_complex = with(&full, "/hilfebedarf/gesamtplanungNotwendig", Some(json!(false)));
    let m = message_at(&form, &not_complex, "/hilfebedarf/gesamtplanungNotwendig");
    assert_eq!(m, own_message(&form, "hilfebedarf.gesamtplanungNotwendig", "const"));
    let no_group = with(&full, "/zielgruppe/zielgruppen", Some(json!([])));
    message_at(&form, &no_group, "/zielgruppe/zielgruppen");
    let referred_out = with(&no_group, "/ergebnis/entscheidung", Some(json!("verweis")));
    assert!(form.is_valid(&referred_out), "{}", show(&form.validate(&referred_out)));
    let group5 = with(&full, "/zielgruppe/fachberatungsstelle", None);
    message_at(&form, &group5, "/zielgruppe/fachberatungsstelle");
    let twice = with(&full, "/zielgruppe/zielgruppen", Some(json!(["uma", "uma"])));
    message_at(&form, &twice, "/zielgruppe/zielgruppen");
}

#[test]
fn assessment_rules() {
    let form = bundle("assessment");
    let full = example("assessment", "full");
    let minimal = example("assessment", "minimal");

    let m = message_at(&form, &with(&full, "/stammdaten/datum", Some(json!("2024-02-30"))), "/stammdaten/datum");
    assert!(m.contains("Datum des Assessments") && m.contains("TT.MM.JJJJ"), "{m}");
    let again = with(&minimal, "/stammdaten/reAssessment", Some(json!(true)));
    let m = message_at(&form, &again, "/stammdaten/vorherigesAssessmentAm");
    assert_eq!(m, own_message(&form, "stammdaten.vorherigesAssessmentAm", "required"));
    assert!(form.is_valid(&with(&again, "/stammdaten/vorherigesAssessmentAm", Some(json!("2025-11-04")))));
    message_at(
        &form,
        &with(&minimal, "/stammdaten/dolmetschung", Some(json!(true))),
        "/stammdaten/dolmetschungSprache",
    );

    let rating = "/lebensbereiche/wohnen/einschaetzungCaseManagement/handlungsbedarf";
    let m = message_at(&form, &with(&full, rating, Some(json!("sehrhoch"))), rating);
    assert_eq!(m, own_message(&form, "lebensbereiche.wohnen.einschaetzungCaseManagement.handlungsbedarf", "enum"));
    let m = message_at(&form, &with(&minimal, "/lebensbereiche/gesundheit", None), "/lebensbereiche/gesundheit");
    assert!(m.contains("Gesundheit"), "{m}");
    let unrated = with(&full, "/lebensbereiche/arbeit/einschaetzungCaseManagement/handlungsbedarf", None);
    let m = message_at(&form, &unrated, "/lebensbereiche/arbeit/einschaetzungCaseManagement/handlungsbedarf");
    assert!(m.contains("Arbeit/Beschäftigung"), "the message names the life area: {m}");
    let participant = "/lebensbereiche/sprache/sichtTeilnehmende/handlungsbedarf";
    message_at(&form, &with(&full, participant, Some(json!("dringend"))), participant);
    message_at(&form, &with(&full, "/lebensbereiche/wohnen/notiz", Some(json!("x"))), "/lebensbereiche/wohnen/notiz");
    let priority = "/gesamteinschaetzung/prioritaeten/1/lebensbereich";
    message_at(&form, &with(&full, priority, None), priority);
    message_at(&form, &with(&full, priority, Some(json!("freizeit"))), priority);
    message_at(&form, &with(&full, "/akteure/0/institution", None), "/akteure/0/institution");

    // The ten life areas share one shape but each has its own texts.
    let titles: BTreeSet<&str> =
        form.root.find("lebensbereiche").unwrap().children().iter().map(|f| f.label.as_str()).collect();
    assert_eq!(titles.len(), 10, "{titles:?}");
    let messages: BTreeSet<String> = form
        .root
        .find("lebensbereiche")
        .unwrap()
        .children()
        .iter()
        .map(|area| {
            own_message(&form, &format!("{}.einschaetzungCaseManagement.handlungsbedarf", area.key), "required")
        })
        .collect();
    assert_eq!(messages.len(), 10, "each life area's rating message names the area");
}

#[test]
fn datenschutz_rules() {
    let form = bundle("datenschutz");
    let full = example("datenschutz", "full");
    let minimal = example("datenschutz", "minimal");
    let consent = own_message(&form, "einwilligung.caseManagement", "const");

    assert_eq!(
        message_at(
            &form,
            &with(&full, "/einwilligung/caseManagement", Some(json!(false))),
            "/einwilligung/caseManagement"
        ),
        consent
    );
    message_at(&form, &with(&minimal, "/einwilligung/caseManagement", None), "/einwilligung/caseManagement");
    message_at(
        &form,
        &with(&minimal, "/einwilligung/caseManagement", Some(json!("ja"))),
        "/einwilligung/caseManagement",
    );
    let m = message_at(
        &form,
        &with(&full, "/erklaerungVersion", Some(json!("datenschutz-de-2025-01"))),
        "/erklaerungVersion",
    );
    assert_eq!(m, own_message(&form, "erklaerungVersion", "const"));
    message_at(&form, &with(&minimal, "/erklaerungVersion", None), "/erklaerungVersion");
    let m =
        message_at(&form, &with(&full, "/unterzeichnung/datum", Some(json!("2024-02-30"))), "/unterzeichnung/datum");
    assert!(m.contains("TT.MM.JJJJ"), "{m}");
    message_at(&form, &with(&full, "/weitergabe/jobcenter", Some(json!("ja"))), "/weitergabe/jobcenter");
    message_at(&form, &with(&full, "/weitergabe/vermieter", Some(json!(true))), "/weitergabe/vermieter");
    message_at(
        &form,
        &with(&full, "/weitergabe/weitereEmpfaenger/0/name", None),
        "/weitergabe/weitereEmpfaenger/0/name",
    );
    let dpo = "/verantwortlicheStelle/datenschutzbeauftragte";
    assert_eq!(
        message_at(&form, &with(&minimal, dpo, None), dpo),
        own_message(&form, "verantwortlicheStelle.datenschutzbeauftragte", "required")
    );

    // Every recipient and the health data are opt-ins: not required, never pre-ticked.
    let schema = json_file("datenschutz/schema.json");
    let opt_ins = ["/properties/weitergabe", "/properties/gesundheitsdaten"];
    for group in opt_ins.map(|p| schema.pointer(p).unwrap()) {
        assert!(group.get("required").is_none(), "{group}");
        for (name, field) in group["properties"].as_object().unwrap() {
            assert!(field.get("default").is_none() && field.get("const").is_none(), "{name} must not be preset");
        }
    }
    assert!(form.is_valid(&minimal), "consent to the case management alone is enough");
    for recipient in
        ["auslaenderbehoerde", "jobcenter", "agenturFuerArbeit", "sozialamt", "kimKoordination", "schulenKitas"]
    {
        let off = with(&full, &format!("/weitergabe/{recipient}"), Some(json!(false)));
        assert!(form.is_valid(&off), "{recipient}");
    }
    assert!(form.is_valid(&with(&full, "/gesundheitsdaten/einwilligung", Some(json!(false)))));

    // The text version is fixed, hidden and filled in by default.
    let version = &schema["properties"]["erklaerungVersion"];
    assert_eq!(version["const"], "datenschutz-de-2026-11");
    assert_eq!(version["default"], version["const"]);
    assert_eq!(json_file("datenschutz/ui.json")["erklaerungVersion"]["ui:widget"], "hidden");
    assert_eq!(full["erklaerungVersion"], version["const"]);
}

#[test]
fn hilfeplan_rules() {
    let form = bundle("hilfeplan");
    let full = example("hilfeplan", "full");
    let minimal = example("hilfeplan", "minimal");

    let m = message_at(&form, &with(&full, "/ziele", Some(json!([]))), "/ziele");
    assert_eq!(m, own_message(&form, "ziele", "minItems"));
    let m = message_at(&form, &with(&full, "/ziele/0/schritte", None), "/ziele/0/schritte");
    assert_eq!(m, own_message(&form, "ziele.*.schritte", "required"));
    let m = message_at(&form, &with(&full, "/ziele/1/schritte", Some(json!([]))), "/ziele/1/schritte");
    assert_eq!(m, own_message(&form, "ziele.*.schritte", "minItems"));
    let m = message_at(&form, &with(&full, "/ziele/0/ziel", Some(json!(""))), "/ziele/0/ziel");
    assert_eq!(m, "Bitte beschreiben Sie das Ziel.");
    message_at(&form, &with(&full, "/ziele/2/lebensbereich", Some(json!("freizeit"))), "/ziele/2/lebensbereich");
    message_at(&form, &with(&full, "/ziele/2/prioritaet", None), "/ziele/2/prioritaet");

    let partner = with(&full, "/ziele/0/schritte/1/partner", None);
    let m = message_at(&form, &partner, "/ziele/0/schritte/1/partner");
    assert_eq!(m, own_message(&form, "ziele.*.schritte.*.partner", "required"));
    let by_participant = with(&partner, "/ziele/0/schritte/1/wer", Some(json!("teilnehmende")));
    assert!(form.is_valid(&by_participant), "{}", show(&form.validate(&by_participant)));
    message_at(&form, &with(&full, "/ziele/0/schritte/0/wer", Some(json!("jobcenter"))), "/ziele/0/schritte/0/wer");
    message_at(
        &form,
        &with(&full, "/ziele/0/schritte/0/status", Some(json!("abgebrochen"))),
        "/ziele/0/schritte/0/status",
    );
    let m = message_at(
        &form,
        &with(&full, "/ziele/1/schritte/0/bisWann", Some(json!("2024-02-30"))),
        "/ziele/1/schritte/0/bisWann",
    );
    assert!(m.contains("Bis wann?"), "{m}");
    message_at(
        &form,
        &with(&full, "/ziele/0/meilensteine/0/beschreibung", None),
        "/ziele/0/meilensteine/0/beschreibung",
    );
    message_at(&form, &with(&full, "/ziele/0/teilziele/1/teilziel", None), "/ziele/0/teilziele/1/teilziel");

    let continued = with(&minimal, "/stammdaten/fortschreibung", Some(json!(true)));
    let m = message_at(&form, &continued, "/stammdaten/vorherigerPlanVom");
    assert_eq!(m, own_message(&form, "stammdaten.vorherigerPlanVom", "required"));
    let m = message_at(
        &form,
        &with(&minimal, "/vereinbarungen/ueberpruefungstermin", None),
        "/vereinbarungen/ueberpruefungstermin",
    );
    assert_eq!(m, own_message(&form, "vereinbarungen.ueberpruefungstermin", "required"));
    message_at(&form, &with(&full, "/unterschrift", Some(json!("M. Al-Obaidi"))), "/unterschrift");

    // Errors appear in screen order: goal 1 before goal 2, steps in their order.
    let both = with(&with(&full, "/ziele/1/ziel", None), "/ziele/0/schritte/2/was", None);
    let pointers: Vec<String> = form.validate(&both).into_iter().map(|e| e.pointer).collect();
    assert_eq!(pointers, ["/ziele/0/schritte/2/was", "/ziele/1/ziel"]);
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
