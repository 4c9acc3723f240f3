//! The forms compiled into `bogen` from the workspace's `forms/`: listed as they are there, and
//! their examples pass `validate` and the record round trip.

mod support;

use std::path::PathBuf;

use serde_json::Value;
use support::*;

/// The form folders of the workspace, as `build.rs` finds them, sorted by id.
fn workspace_forms() -> Vec<(String, PathBuf)> {
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(forms_dir())
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|dir| dir.join("schema.json").is_file())
        .filter_map(|dir| Some((dir.file_name()?.to_str()?.to_owned(), dir)))
        .filter(|(id, _)| id != "common" && id != "netzwerk")
        .collect();
    found.sort();
    found
}

fn read_json(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn forms_lists_every_form_folder_with_version_and_german_title() {
    let run = bogen(&["forms", "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let listed = run.json();
    let listed = listed.as_array().expect("an array");
    let expected = workspace_forms();
    assert!(!expected.is_empty(), "the workspace has forms, so bogen must have them built in");
    assert_eq!(listed.len(), expected.len(), "{listed:?}");
    for ((id, dir), form) in expected.iter().zip(listed) {
        assert_eq!(form["id"], id.as_str());
        let schema = read_json(&dir.join("schema.json"));
        let urn = schema["$id"].as_str().unwrap_or_default();
        assert_eq!(urn, format!("urn:bogen:form:{id}:{}", form["version"].as_str().unwrap_or_default()));
        let texts = dir.join("i18n/de.json");
        if texts.is_file() {
            if let Some(title) = read_json(&texts)["form"]["title"].as_str() {
                assert_eq!(form["title"], title);
            }
        }
    }
    let text = bogen(&["forms"]);
    assert_eq!(text.code, 0);
    let ids: Vec<&str> = text.stdout.lines().map(|l| l.split('\t').next().unwrap_or_default()).collect();
    let expected_ids: Vec<&str> = expected.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, expected_ids);
    assert!(text.stdout.lines().all(|l| l.split('\t').count() == 3), "{text:?}");
}

#[test]
fn the_examples_of_every_form_are_valid_and_round_trip_as_records() {
    let dir = temp();
    let mut checked = 0;
    for (id, form_dir) in workspace_forms() {
        for example in ["minimal.json", "full.json"] {
            let path = form_dir.join("examples").join(example);
            if !path.is_file() {
                continue;
            }
            let data = path.display().to_string();
            let run = bogen(&["validate", "--form", &id, &data]);
            assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{id}/{example}: {run:?}");
            let record = dir.path().join(format!("{id}-{example}")).display().to_string();
            let made = bogen(&["record", "--form", &id, &data, "-o", &record]);
            assert_eq!(made.code, 0, "{id}/{example}: {made:?}");
            let run = bogen(&["validate", &record]);
            assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""), "{id}/{example}: {run:?}");
            checked += 1;
        }
    }
    assert!(checked > 0, "no form has examples/minimal.json or examples/full.json");
}

#[test]
fn a_built_in_form_speaks_german_with_its_own_texts() {
    let dir = temp();
    let empty = write(&dir, "leer.json", "{}");
    for (id, form_dir) in workspace_forms() {
        let texts = read_json(&form_dir.join("i18n/de.json"));
        let de = bogen(&["validate", "--lang", "de", "--form", &id, &empty]);
        let en = bogen(&["validate", "--form", &id, &empty]);
        assert_eq!((de.code, en.code), (1, 1), "{id}: {de:?}");
        assert_ne!(de.stdout, en.stdout, "{id}");
        // Every required section is missing; its message is the form's own or names its title.
        let required = read_json(&form_dir.join("schema.json"))["required"].as_array().cloned().unwrap_or_default();
        let errors = de.errors();
        assert_eq!(errors.len(), required.len(), "{id}: {de:?}");
        for name in required.iter().filter_map(Value::as_str) {
            let field = &texts["fields"][name];
            let (_, message) = errors
                .iter()
                .find(|(p, _)| p == &format!("/{name}"))
                .unwrap_or_else(|| panic!("{id}: no error for /{name}: {de:?}"));
            let own = field["errors"]["required"].as_str();
            let title = field["title"].as_str().unwrap_or(name);
            assert!(own == Some(message.as_str()) || message.contains(title), "{id}: /{name}: {message}");
        }
    }
}

#[test]
fn a_record_of_a_built_in_form_is_checked_against_it() {
    let Some((id, form_dir)) = workspace_forms().into_iter().next() else { return };
    let Some(example) =
        ["minimal.json", "full.json"].iter().map(|e| form_dir.join("examples").join(e)).find(|p| p.is_file())
    else {
        return;
    };
    let made = bogen(&["record", "--form", &id, &example.display().to_string()]);
    assert_eq!(made.code, 0, "{made:?}");
    let mut record = made.json();
    // A record made with an older version of the form: imported with a warning.
    record["form"]["version"] = Value::from("0.0.1");
    let dir = temp();
    let older = write(&dir, "aelter.json", record.to_string());
    let run = bogen(&["validate", &older]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.starts_with("warning: ") && run.stderr.contains("0.0.1"), "{run:?}");
    // Data removed behind Bogen's back: the digest no longer matches.
    record["data"] = Value::Object(Default::default());
    let tampered = write(&dir, "veraendert.json", record.to_string());
    let run = bogen(&["validate", &tampered]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.errors()[0].0, "/dataHash");
}

#[test]
fn the_forms_of_kim_case_management_are_built_in() {
    let listed = bogen(&["forms", "--json"]).json();
    let ids: Vec<&str> = listed.as_array().into_iter().flatten().filter_map(|f| f["id"].as_str()).collect();
    for id in ["screening", "assessment", "datenschutz", "hilfeplan"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
}
