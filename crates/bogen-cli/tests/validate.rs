//! `bogen validate` on bare data: verdicts, output formats, languages and unusable input.

mod support;

use support::*;

#[test]
fn valid_data_exits_0_and_prints_nothing() {
    let run = bogen(&["validate", "--form", &fixture(SCHEMA), &fixture(VALID)]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""), "{run:?}");
}

#[test]
fn invalid_data_exits_1_with_one_line_per_error_in_form_order() {
    let run = bogen(&["validate", "--form", &fixture(SCHEMA), &fixture(INVALID)]);
    assert_eq!(run.code, 1, "{run:?}");
    let pointers: Vec<String> = run.errors().into_iter().map(|(p, _)| p).collect();
    assert_eq!(pointers, ["/name", "/geburtsdatum", "/ziele/1/ziel"]);
    let (_, message) = &run.errors()[0];
    assert_eq!(message, &common_message("en", "minLength", &[("title", "Name"), ("limit", "2")]));
}

#[test]
fn json_output_parses_and_is_an_empty_list_when_valid() {
    let run = bogen(&["validate", "--json", "--form", &fixture(SCHEMA), &fixture(INVALID)]);
    assert_eq!(run.code, 1);
    let errors = run.json();
    let errors = errors.as_array().expect("an array");
    assert_eq!(errors.len(), 3);
    assert_eq!(errors[2]["pointer"], "/ziele/1/ziel");
    assert!(errors.iter().all(|e| e["message"].as_str().is_some_and(|m| !m.is_empty())), "{errors:?}");
    let run = bogen(&["--json", "validate", "--form", &fixture(SCHEMA), &fixture(VALID)]);
    assert_eq!((run.code, run.json()), (0, serde_json::json!([])));
}

#[test]
fn lang_de_gives_german_messages() {
    let run = bogen(&["validate", "--lang", "de", "--form", &fixture(SCHEMA), &fixture(INVALID)]);
    assert_eq!(run.code, 1);
    let messages: Vec<String> = run.errors().into_iter().map(|(_, m)| m).collect();
    assert_eq!(messages[0], common_message("de", "minLength", &[("title", "Name"), ("limit", "2")]));
    assert_eq!(messages[2], common_message("de", "required", &[("title", "Ziel")]));
    let english = bogen(&["validate", "--form", &fixture(SCHEMA), &fixture(INVALID)]);
    assert_ne!(run.stdout, english.stdout);
}

#[test]
fn an_unknown_language_is_unusable() {
    let run = bogen(&["validate", "--lang", "xx", "--form", &fixture(SCHEMA), &fixture(VALID)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("\"xx\"") && run.stderr.contains("de"), "{run:?}");
}

#[test]
fn a_missing_file_is_unusable_and_named() {
    let dir = temp();
    let missing = dir.path().join("fehlt.json").display().to_string();
    let run = bogen(&["validate", "--form", &fixture(SCHEMA), &missing]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{run:?}");
    assert_eq!(run.stderr.trim(), format!("error: {missing}: no such file"));
    assert_eq!(run.stderr.lines().count(), 1);
}

#[test]
fn broken_json_names_file_line_and_column() {
    let dir = temp();
    let file = write(&dir, "kaputt.json", "{\n  \"name\": \"Amal\",\n  geburtsdatum\n}");
    let run = bogen(&["validate", "--form", &fixture(SCHEMA), &file]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.starts_with(&format!("error: {file}: not valid JSON at line 3, column 3")), "{run:?}");
    let run = bogen(&["validate", "--json", "--form", &fixture(SCHEMA), &file]);
    assert_eq!(run.code, 2);
    let error = run.json()["error"].as_str().unwrap_or_default().to_owned();
    assert!(error.contains("kaputt.json") && error.contains("line 3, column 3"), "{error}");
}

#[test]
fn a_broken_schema_file_is_unusable_and_named() {
    let dir = temp();
    let schema = write(&dir, "schema.json", r#"{"type": "object", "properties": {"a": {"type": "strnig"}}}"#);
    let run = bogen(&["validate", "--form", &schema, &fixture(VALID)]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("schema.json: not a usable form schema"), "{run:?}");
}

#[test]
fn an_unknown_form_id_is_unusable() {
    let run = bogen(&["validate", "--form", "gibtsnicht", &fixture(VALID)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("gibtsnicht: unknown form"), "{run:?}");
    let run = bogen(&["validate", "--json", "--form", "gibtsnicht", &fixture(VALID)]);
    assert!(run.json()["error"].as_str().is_some_and(|e| e.contains("unknown form")), "{run:?}");
}

#[test]
fn bare_data_without_a_form_is_unusable_with_a_hint() {
    let run = bogen(&["validate", &fixture(VALID)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a Bogen record") && run.stderr.contains("--form"), "{run:?}");
}

#[test]
fn standard_input_is_read_for_a_dash() {
    let data = std::fs::read(fixture(INVALID)).expect("fixture");
    let run = bogen_with_input(&["validate", "--form", &fixture(SCHEMA), "-"], Some(&data));
    assert_eq!((run.code, run.errors().len()), (1, 3), "{run:?}");
    let run = bogen_with_input(&["validate", "--form", &fixture(SCHEMA), "-"], Some(b"{"));
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("error: <stdin>: not valid JSON at line 1, column 1"), "{run:?}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = temp();
    let mut data = "\u{feff}".as_bytes().to_vec();
    data.extend(std::fs::read(fixture(VALID)).expect("fixture"));
    let file = write(&dir, "bom.json", data);
    assert_eq!(bogen(&["validate", "--form", &fixture(SCHEMA), &file]).code, 0);
}

#[test]
fn wrong_arguments_are_unusable() {
    let run = bogen(&["validate", "--json", "--gibtsnicht", "x"]);
    assert_eq!(run.code, 2);
    assert!(run.json()["error"].as_str().is_some_and(|e| e.contains("--gibtsnicht")), "{run:?}");
    assert_eq!(bogen(&["validate"]).code, 2);
    let help = bogen(&["validate", "--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("Exit codes"), "{help:?}");
}
