//! Hostile or broken input ends in exit code 2 and a message, never in a crash.

mod support;

use support::*;

/// Every way a document can be given: bare data, a record, a schema, a record's data to wrap.
fn every_use(file: &str) -> Vec<Vec<String>> {
    let schema = fixture(SCHEMA);
    [
        vec!["validate", "--form", &schema, file],
        vec!["validate", file],
        vec!["validate", "--form", file, &fixture(VALID)],
        vec!["record", "--form", &schema, file],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(str::to_owned).collect())
    .collect()
}

fn assert_unusable(file: &str, expected: &str) {
    for args in every_use(file) {
        let run = bogen(&args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.contains(file) && run.stderr.contains(expected), "{args:?}: {run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    }
}

#[test]
fn a_huge_document_is_refused() {
    let dir = temp();
    let huge = format!("{{\"name\": \"{}\"}}", "a".repeat(17 * 1024 * 1024));
    assert_unusable(&write(&dir, "huge.json", huge), "larger than the limit");
}

#[test]
fn a_huge_standard_input_is_refused() {
    let huge = vec![b' '; 17 * 1024 * 1024];
    let run = bogen_with_input(&["validate", "--form", &fixture(SCHEMA), "-"], Some(&huge));
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("<stdin>: larger than the limit"), "{run:?}");
}

#[test]
fn nesting_deeper_than_the_limit_is_refused() {
    let dir = temp();
    let deep = format!("{{\"name\": {}{}}}", "[".repeat(100), "]".repeat(100));
    assert_unusable(&write(&dir, "deep.json", deep), "nests");
}

#[test]
fn nesting_deeper_than_the_parser_goes_is_refused() {
    let dir = temp();
    let deep = format!("{}{}", "[{\"a\":".repeat(200_000), "1}]".repeat(200_000));
    assert_unusable(&write(&dir, "tief.json", deep), "not valid JSON at line 1");
}

#[test]
fn binary_input_is_refused_with_its_position() {
    let dir = temp();
    assert_unusable(&write(&dir, "binaer.json", b"{\"name\":\n \"\xff\xfe\"}"), "not UTF-8 text at line 2, column 3");
}

#[test]
fn a_directory_is_refused() {
    let dir = temp();
    let path = dir.path().display().to_string();
    let run = bogen(&["validate", "--form", &fixture(SCHEMA), &path]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains(&path) && run.stderr.contains("directory"), "{run:?}");
}

#[test]
fn empty_and_odd_documents_are_judged_or_refused_without_a_crash() {
    let dir = temp();
    for (name, text, expected) in [
        ("leer.json", "", 2),
        ("null.json", "null", 1),
        ("zahl.json", "1e999", 2),
        ("liste.json", "[]", 1),
        ("text.json", "\"bogen-record\"", 1),
        ("format.json", "{\"format\": \"bogen-record\"}", 2),
    ] {
        let file = write(&dir, name, text);
        let run = bogen(&["validate", "--form", &fixture(SCHEMA), &file]);
        assert_eq!(run.code, expected, "{name}: {run:?}");
        let run = bogen(&["validate", &file]);
        assert_eq!(run.code, 2, "{name}: {run:?}");
    }
}

#[test]
fn odd_schemas_are_refused_without_a_crash() {
    let dir = temp();
    for (name, schema) in [
        ("selbst.json", r##"{"$ref": "#"}"##),
        ("eigenschaft.json", r##"{"type": "object", "properties": {"a": {"$ref": "#"}}}"##),
        ("fremd.json", r#"{"$ref": "https://example.invalid/schema.json"}"#),
        ("id.json", r#"{"$id": "urn:bogen:form:x:1", "type": "object"}"#),
        ("muster.json", r#"{"type": "object", "properties": {"a": {"type": "string", "pattern": "("}}}"#),
        ("liste.json", "[]"),
    ] {
        let file = write(&dir, name, schema);
        let run = bogen(&["validate", "--form", &file, &fixture(VALID)]);
        assert_eq!(run.code, 2, "{name}: {run:?}");
        assert!(run.stderr.contains(name), "{name}: {run:?}");
    }
}
