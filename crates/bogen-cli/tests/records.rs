//! `bogen record` and `bogen validate` on records: the round trip an import relies on, and the
//! envelope checks that make a record invalid (exit 1) or unusable here (exit 2).

mod support;

use serde_json::{json, Value};
use support::*;

/// A record of the fixture form made by `bogen record`, as JSON.
fn make_record(dir: &tempfile::TempDir) -> (String, Value) {
    let path = dir.path().join("record.json").display().to_string();
    let run = bogen(&["record", "--form", &fixture(SCHEMA), &fixture(VALID), "-o", &path]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run:?}");
    let text = std::fs::read_to_string(&path).expect("record written");
    (path, serde_json::from_str(&text).expect("record is JSON"))
}

#[test]
fn a_record_wraps_the_data_with_form_language_and_utc_times() {
    let dir = temp();
    let (_, record) = make_record(&dir);
    assert_eq!(record["format"], "bogen-record");
    assert_eq!(record["formatVersion"], 1);
    assert_eq!(record["form"]["id"], "kontakt");
    assert_eq!(record["form"]["version"], "1.0.0");
    assert_eq!(record["lang"], "de");
    let data: Value = serde_json::from_str(&std::fs::read_to_string(fixture(VALID)).expect("fixture")).expect("json");
    assert_eq!(record["data"], data);
    let created = record["created"].as_str().unwrap_or_default();
    assert_eq!(created.len(), "2026-11-30T10:00:00Z".len(), "{created}");
    assert!(created.ends_with('Z') && created.as_bytes()[10] == b'T', "{created}");
    assert_eq!(record["modified"], record["created"]);
}

#[test]
fn a_record_round_trips_through_validate() {
    let dir = temp();
    let (path, _) = make_record(&dir);
    let run = bogen(&["validate", "--form", &fixture(SCHEMA), &path]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""), "{run:?}");
}

#[test]
fn without_o_the_record_goes_to_stdout_and_lang_sets_its_language() {
    let run = bogen(&["record", "--lang", "en", "--form", &fixture(SCHEMA), &fixture(VALID)]);
    assert_eq!(run.code, 0, "{run:?}");
    let record = run.json();
    assert_eq!(record["lang"], "en");
    let dir = temp();
    let path = write(&dir, "r.json", &run.stdout);
    assert_eq!(bogen(&["validate", "--form", &fixture(SCHEMA), &path]).code, 0);
    let dash = bogen(&["record", "--form", &fixture(SCHEMA), &fixture(VALID), "-o", "-"]);
    assert_eq!((dash.code, dash.json()["lang"].clone()), (0, json!("de")), "{dash:?}");
}

#[test]
fn invalid_data_makes_no_record() {
    let dir = temp();
    let path = dir.path().join("record.json");
    let run = bogen(&["record", "--form", &fixture(SCHEMA), &fixture(INVALID), "-o", &path.display().to_string()]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.errors().len(), 3);
    assert!(!path.exists());
    assert_eq!(std::fs::read_dir(dir.path()).map(|d| d.count()).unwrap_or(99), 0, "no temporary file is left");
}

#[test]
fn an_unwritable_output_is_unusable_and_named() {
    let dir = temp();
    let target = dir.path().join("fehlt").join("record.json").display().to_string();
    let run = bogen(&["record", "--form", &fixture(SCHEMA), &fixture(VALID), "-o", &target]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains(&target) && run.stderr.contains("cannot write"), "{run:?}");
}

#[test]
fn a_record_is_not_wrapped_again() {
    let dir = temp();
    let (path, _) = make_record(&dir);
    let run = bogen(&["record", "--form", &fixture(SCHEMA), &path]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is a record already"), "{run:?}");
}

#[test]
fn changed_data_breaks_the_digest_and_the_record_is_invalid() {
    let dir = temp();
    let (_, mut record) = make_record(&dir);
    record["data"]["name"] = json!("Jemand anderes");
    let tampered = write(&dir, "tampered.json", record.to_string());
    let run = bogen(&["validate", "--form", &fixture(SCHEMA), &tampered]);
    assert_eq!(run.code, 1, "{run:?}");
    let errors = run.errors();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, "/dataHash");
    assert!(errors[0].1.contains("digest"), "{errors:?}");
    let run = bogen(&["validate", "--json", "--form", &fixture(SCHEMA), &tampered]);
    assert_eq!(run.json()[0]["pointer"], "/dataHash");
}

#[test]
fn a_record_of_another_form_is_invalid() {
    let dir = temp();
    let (path, _) = make_record(&dir);
    let run = bogen(&["validate", "--form", &fixture("termin.schema.json"), &path]);
    assert_eq!(run.code, 1, "{run:?}");
    let errors = run.errors();
    assert_eq!(errors[0].0, "/form/id");
    assert!(errors[0].1.contains("kontakt") && errors[0].1.contains("termin"), "{errors:?}");
}

#[test]
fn data_errors_in_a_record_point_into_the_record() {
    let dir = temp();
    let (_, mut record) = make_record(&dir);
    record["data"]["plz"] = json!("4082");
    let data = record["data"].clone();
    // Re-sealed as `bogen record` would, so only the data is wrong.
    let sealed = bogen_with_input(
        &["record", "--form", &fixture("kontakt-lax.schema.json"), "-"],
        Some(data.to_string().as_bytes()),
    );
    assert_eq!(sealed.code, 0, "{sealed:?}");
    let mut resealed = sealed.json();
    resealed["form"] = record["form"].clone();
    let path = write(&dir, "r.json", resealed.to_string());
    let run = bogen(&["validate", "--form", &fixture(SCHEMA), &path]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.errors()[0].0, "/data/plz");
}

#[test]
fn a_record_of_an_older_form_version_is_checked_with_a_warning() {
    let dir = temp();
    let (path, _) = make_record(&dir);
    let run = bogen(&["validate", "--form", &fixture("kontakt-1.1.0.schema.json"), &path]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run:?}");
    assert!(run.stderr.starts_with("warning: ") && run.stderr.contains("1.0.0"), "{run:?}");
    assert!(run.stderr.contains("1.1.0"), "{run:?}");
}

#[test]
fn a_record_of_a_newer_form_version_is_unusable() {
    let dir = temp();
    let newer = dir.path().join("newer.json").display().to_string();
    let made = bogen(&["record", "--form", &fixture("kontakt-1.1.0.schema.json"), &fixture(VALID), "-o", &newer]);
    assert_eq!(made.code, 0, "{made:?}");
    let run = bogen(&["validate", "--form", &fixture(SCHEMA), &newer]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("newer") && run.stderr.contains("newer.json"), "{run:?}");
}

#[test]
fn a_record_of_a_newer_format_is_unusable() {
    let dir = temp();
    let (_, mut record) = make_record(&dir);
    record["formatVersion"] = json!(2);
    let path = write(&dir, "v2.json", record.to_string());
    let run = bogen(&["validate", "--form", &fixture(SCHEMA), &path]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("v2.json") && run.stderr.contains("format version 2"), "{run:?}");
    let run = bogen(&["--json", "validate", &path]);
    assert!(run.json()["error"].as_str().is_some_and(|e| e.contains("update Bogen")), "{run:?}");
}

#[test]
fn a_record_of_a_form_not_built_in_is_unusable() {
    let dir = temp();
    let (path, _) = make_record(&dir);
    let run = bogen(&["validate", &path]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("record.json") && run.stderr.contains("\"kontakt\""), "{run:?}");
}

#[test]
fn a_damaged_envelope_is_unusable() {
    let dir = temp();
    let (_, mut record) = make_record(&dir);
    record.as_object_mut().map(|r| r.remove("dataHash"));
    let path = write(&dir, "ohne-hash.json", record.to_string());
    let run = bogen(&["validate", "--form", &fixture(SCHEMA), &path]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("ohne-hash.json: not a Bogen record"), "{run:?}");
}

#[test]
fn a_record_matches_the_record_schema_case_stores_are_given() {
    let path = forms_dir().join("record.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("record schema")).expect("json");
    let validator = bogen_core::Validator::compile(&schema).unwrap_or_else(|e| panic!("{e}"));
    let dir = temp();
    let (_, record) = make_record(&dir);
    assert_eq!(validator.violations(&record), vec![]);
    let mut broken = record.clone();
    broken["dataHash"] = json!("md5:0");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn envelope_messages_follow_lang_where_the_texts_have_them() {
    let dir = temp();
    let (_, mut record) = make_record(&dir);
    record["data"]["name"] = json!("Jemand anderes");
    let tampered = write(&dir, "tampered.json", record.to_string());
    let run = bogen(&["validate", "--lang", "de", "--form", &fixture(SCHEMA), &tampered]);
    assert_eq!(run.code, 1, "{run:?}");
    let english = "data does not match its digest: the file was changed outside Bogen or is damaged".to_owned();
    let expected = common_ui("de", "record.digest").unwrap_or(english);
    assert_eq!(run.errors(), vec![("/dataHash".to_owned(), expected)]);
}

#[test]
fn a_signature_made_on_other_data_is_a_warning() {
    let dir = temp();
    let (_, mut record) = make_record(&dir);
    let signature = |data_hash: &Value| {
        json!({
            "role": "teilnehmende", "name": "Amal Haddad", "place": "Mettmann",
            "signedAt": "2026-11-30T10:00:00Z",
            "mark": {"method": "typed", "typedName": "Amal Haddad", "confirmed": true},
            "dataHash": data_hash
        })
    };
    let other = json!("sha256:0000000000000000000000000000000000000000000000000000000000000000");
    record["signatures"] = json!([signature(&record["dataHash"]), signature(&other)]);
    let path = write(&dir, "signiert.json", record.to_string());
    let run = bogen(&["validate", "--form", &fixture(SCHEMA), &path]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    assert!(run.stderr.starts_with("warning: ") && run.stderr.contains("/signatures/1: "), "{run:?}");
    assert!(!run.stderr.contains("Amal"), "no personal data in logs: {run:?}");
}
