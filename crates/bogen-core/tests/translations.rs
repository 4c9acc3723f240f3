//! Every translation says everything the German says: the same keys, the same placeholders, its
//! own language in `lang` and a `reviewed` flag, and it loads like the German does. German is
//! authoritative; a key missing in a translation would show a participant the raw key or fall
//! silent, and a lost placeholder would drop the field name or the limit from a message.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use bogen_core::{FormBundle, Texts};
use serde_json::{json, Value};

use support::{forms_dir, read};

/// The languages participants in Kreis Mettmann most often read, German first (GDPR Art. 12).
const PARTICIPANT_LANGUAGES: &[&str] = &["de", "en", "ar", "fa", "uk", "ru", "tr", "ro", "bg"];

/// Which languages each text folder must have; a form not listed only needs German.
const REQUIRED: &[(&str, &[&str])] = &[
    ("common", PARTICIPANT_LANGUAGES),
    ("datenschutz", PARTICIPANT_LANGUAGES),
    ("hilfeplan", PARTICIPANT_LANGUAGES),
    ("screening", PARTICIPANT_LANGUAGES),
    ("assessment", PARTICIPANT_LANGUAGES),
];

/// A text with its key path (`fields › ziele.*.ziel › help`).
struct Leaf {
    path: String,
    placeholders: Vec<String>,
}

/// Every string (and empty object) of a text file with its key path; `lang` and `reviewed` are
/// checked on their own.
fn leaves(value: &Value, path: &str, out: &mut Vec<Leaf>) {
    match value {
        Value::Object(map) if map.is_empty() && !path.is_empty() => {
            out.push(Leaf { path: format!("{path} (empty)"), placeholders: Vec::new() })
        }
        Value::Object(map) => {
            for (key, child) in map {
                if path.is_empty() && (key == "lang" || key == "reviewed") {
                    continue;
                }
                let child_path = if path.is_empty() { key.clone() } else { format!("{path} › {key}") };
                leaves(child, &child_path, out);
            }
        }
        Value::String(text) => out.push(Leaf { path: path.to_owned(), placeholders: placeholders(text) }),
        other => out.push(Leaf { path: format!("{path} (not a text: {other})"), placeholders: Vec::new() }),
    }
}

/// The `{name}` placeholders of a text, sorted, repeats kept.
fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        rest = &rest[start + 1..];
        match rest.find('}') {
            Some(end) => {
                found.push(rest[..end].to_owned());
                rest = &rest[end + 1..];
            }
            None => found.push(format!("unclosed {{{rest}")),
        }
    }
    found.sort();
    found
}

/// What differs between a translation and the German it follows, one line per problem.
fn differences(german: &Value, translation: &Value, lang: &str) -> Vec<String> {
    let mut problems = Vec::new();
    match translation.get("lang").and_then(Value::as_str) {
        Some(l) if l == lang => {}
        other => problems.push(format!("\"lang\" is {other:?}, the file name says {lang:?}")),
    }
    if !translation.get("reviewed").is_some_and(Value::is_boolean) {
        problems.push("\"reviewed\" (true or false) is missing".to_owned());
    }
    let (mut de, mut tr) = (Vec::new(), Vec::new());
    leaves(german, "", &mut de);
    leaves(translation, "", &mut tr);
    let de_placeholders: BTreeMap<&str, &Vec<String>> = de.iter().map(|l| (l.path.as_str(), &l.placeholders)).collect();
    let tr_paths: BTreeSet<&str> = tr.iter().map(|l| l.path.as_str()).collect();
    for leaf in &de {
        if !tr_paths.contains(leaf.path.as_str()) {
            problems.push(format!("missing key {}", leaf.path));
        }
    }
    for leaf in &tr {
        match de_placeholders.get(leaf.path.as_str()) {
            None => problems.push(format!("extra key {}", leaf.path)),
            Some(german) if !same_placeholders(&leaf.path, german, &leaf.placeholders) => problems.push(format!(
                "placeholders differ at {}: German {:?}, here {:?}",
                leaf.path, german, leaf.placeholders
            )),
            Some(_) => {}
        }
    }
    problems
}

/// What a violation hands every error message to fill in (see `validation.rs`): a translation of
/// an error message may name one of these even where the German does not, e.g. English's
/// "… (expected {expected})" for the CLI.
const VIOLATION_PARAMETERS: [&str; 4] = ["expected", "format", "limit", "pattern"];

/// The translation keeps every placeholder of the German; it adds only what an error message is
/// given anyway.
fn same_placeholders(path: &str, german: &[String], translated: &[String]) -> bool {
    let is_error_message = path.rsplit(" › ").nth(1) == Some("errors");
    let extra: Vec<&String> = translated.iter().filter(|p| !german.contains(p)).collect();
    let kept = german.iter().all(|p| translated.contains(p));
    kept && (extra.is_empty() || (is_error_message && extra.iter().all(|p| VIOLATION_PARAMETERS.contains(&p.as_str()))))
}

fn folders() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(forms_dir())
        .expect("forms/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("i18n/de.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// The languages present in a folder's `i18n/`, by file name.
fn languages(folder: &Path) -> Vec<String> {
    let mut langs: Vec<String> = std::fs::read_dir(folder.join("i18n"))
        .expect("i18n/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_owned))
        .collect();
    langs.sort();
    langs
}

fn name(folder: &Path) -> String {
    folder.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned()
}

fn parsed(rel: &str) -> Value {
    serde_json::from_str(&read(rel)).unwrap_or_else(|e| panic!("forms/{rel} is not JSON: {e}"))
}

#[test]
fn every_translation_has_the_keys_and_placeholders_of_the_german() {
    let mut report = Vec::new();
    let mut checked = 0;
    for folder in folders() {
        let id = name(&folder);
        let german = parsed(&format!("{id}/i18n/de.json"));
        for lang in languages(&folder).into_iter().filter(|l| l != "de") {
            let rel = format!("{id}/i18n/{lang}.json");
            checked += 1;
            for problem in differences(&german, &parsed(&rel), &lang) {
                report.push(format!("\n  forms/{rel}: {problem}"));
            }
        }
    }
    assert!(checked > 0, "no translations found below {}", forms_dir().display());
    assert!(report.is_empty(), "translations differ from German:{}", report.concat());
}

#[test]
fn every_required_language_is_there() {
    let mut missing = Vec::new();
    for (id, langs) in REQUIRED {
        assert!(forms_dir().join(id).join("i18n/de.json").is_file(), "forms/{id}/i18n/de.json: no such form");
        for lang in *langs {
            if !forms_dir().join(format!("{id}/i18n/{lang}.json")).is_file() {
                missing.push(format!("\n  forms/{id}/i18n/{lang}.json"));
            }
        }
    }
    assert!(missing.is_empty(), "required translations are missing:{}", missing.concat());
}

#[test]
fn every_text_file_loads_and_every_form_builds_in_each_of_its_languages() {
    for folder in folders() {
        let id = name(&folder);
        for lang in languages(&folder) {
            let rel = format!("{id}/i18n/{lang}.json");
            let own = Texts::from_json(&read(&rel)).unwrap_or_else(|e| panic!("forms/{rel}: {e}"));
            // Shared texts and the directory of Beratungsangebote (netzwerk) are not forms: they
            // have no uiSchema to build with.
            if id == "common" || !forms_dir().join(&id).join("ui.json").is_file() {
                continue;
            }
            let common_rel = format!("common/i18n/{lang}.json");
            let common = if forms_dir().join(&common_rel).is_file() {
                Texts::from_json(&read(&common_rel)).unwrap_or_else(|e| panic!("forms/{common_rel}: {e}"))
            } else {
                Texts::default()
            };
            let texts = serde_json::to_string(&common.layered(own)).unwrap();
            let schema = read(&format!("{id}/schema.json"));
            let ui = read(&format!("{id}/ui.json"));
            FormBundle::from_json(&schema, &ui, &texts).unwrap_or_else(|e| panic!("form {id} in {lang}: {e}"));
        }
    }
}

/// The comparison itself must see a real mismatch, or the checks above could pass on anything.
#[test]
fn a_mismatch_is_reported_with_its_key_path() {
    let german = json!({"lang": "de", "reviewed": true,
        "fields": {"a": {"title": "A", "errors": {"maxItems": "höchstens {limit} für „{title}“"}}}});
    let good = json!({"lang": "xx", "reviewed": false,
        "fields": {"a": {"title": "Ā", "errors": {"maxItems": "„{title}“: {limit} at most"}}}});
    assert_eq!(differences(&german, &good, "xx"), Vec::<String>::new());

    let bad = json!({"lang": "yy",
        "fields": {"a": {"help": "?", "enum": {}, "errors": {"maxItems": "{limt} at most"}}}});
    let problems = differences(&german, &bad, "xx");
    let expected = [
        "\"lang\" is Some(\"yy\"), the file name says \"xx\"",
        "\"reviewed\" (true or false) is missing",
        "missing key fields › a › title",
        "extra key fields › a › help",
        "extra key fields › a › enum (empty)",
        "placeholders differ at fields › a › errors › maxItems: German [\"limit\", \"title\"], here [\"limt\"]",
    ];
    assert_eq!(problems, expected);
}

#[test]
fn error_messages_may_name_what_the_violation_hands_them_and_nothing_else_may_add_or_drop() {
    let german = ["title".to_owned()];
    let with = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    assert!(same_placeholders("errors › type", &german, &with(&["expected", "title"])));
    assert!(!same_placeholders("errors › type", &german, &with(&["expected"])), "dropped {{title}}");
    assert!(!same_placeholders("errors › type", &german, &with(&["title", "nme"])), "unknown placeholder");
    assert!(!same_placeholders("fields › a › help", &german, &with(&["limit", "title"])), "not an error message");
}
