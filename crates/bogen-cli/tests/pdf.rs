//! `bogen pdf` and `bogen extract` (alias `import`): the participant's PDF of each built-in form carries the
//! record and gives it back unchanged; invalid, changed and wrong input is refused.

mod support;

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use support::*;

/// Each built-in form and where its example keeps the participant's family name.
const FORMS: &[(&str, &str)] = &[
    ("assessment", "/stammdaten/name"),
    ("datenschutz", "/teilnehmende/name"),
    ("hilfeplan", "/stammdaten/name"),
    ("screening", "/person/name"),
];

fn arg(path: &Path) -> String {
    path.display().to_string()
}

fn example(form: &str) -> std::path::PathBuf {
    forms_dir().join(form).join("examples/full.json")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A record of a form's full example, made by `bogen record`.
fn make_record(dir: &tempfile::TempDir, form: &str) -> std::path::PathBuf {
    let path = dir.path().join(format!("{form}.json"));
    let run = bogen(&["record", "--form", form, &arg(&example(form)), "-o", &arg(&path)]);
    assert_eq!(run.code, 0, "{run:?}");
    path
}

fn make_pdf(record: &Path, pdf: &Path) {
    let run = bogen(&["pdf", &arg(record), "-o", &arg(pdf)]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""), "{run:?}");
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success(), "pdftotext: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_form_makes_a_pdf_that_shows_the_participant_and_gives_the_record_back() {
    let dir = temp();
    for (form, name_at) in FORMS {
        let record = make_record(&dir, form);
        let pdf = dir.path().join(format!("{form}.pdf"));
        make_pdf(&record, &pdf);
        let bytes = std::fs::read(&pdf).expect("PDF written");
        assert!(bytes.starts_with(b"%PDF-"), "{form}: not a PDF");
        let name = read_json(&example(form)).pointer(name_at).and_then(Value::as_str).map(str::to_owned);
        let name = name.unwrap_or_else(|| panic!("{form}: example has no {name_at}"));
        assert!(pdf_text(&pdf).contains(&name), "{form}: {name} is not in the PDF's text");

        let run = bogen(&["extract", &arg(&pdf)]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{form}: {run:?}");
        assert_eq!(run.json(), read_json(&record), "{form}: extracted record differs");
    }
}

#[test]
fn extract_writes_the_record_to_the_file_o_names() {
    let dir = temp();
    let record = make_record(&dir, "screening");
    let pdf = dir.path().join("screening.pdf");
    make_pdf(&record, &pdf);
    let out = dir.path().join("back.json");
    let run = bogen(&["extract", &arg(&pdf), "-o", &arg(&out)]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run:?}");
    assert_eq!(read_json(&out), read_json(&record));
    let check = bogen(&["validate", &arg(&out)]);
    assert_eq!(check.code, 0, "{check:?}");
}

#[test]
fn the_same_record_gives_the_same_bytes() {
    let dir = temp();
    let record = make_record(&dir, "hilfeplan");
    let (first, second) = (dir.path().join("1.pdf"), dir.path().join("2.pdf"));
    make_pdf(&record, &first);
    make_pdf(&record, &second);
    let first = std::fs::read(&first).expect("first PDF");
    assert!(!first.is_empty());
    assert!(first == std::fs::read(&second).expect("second PDF"), "two runs gave different PDFs");
    let piped = bogen_bytes(&["pdf", &arg(&record), "-o", "-"]);
    assert!(piped == first, "-o - gave other bytes than a file");
}

/// Standard output as bytes, for a PDF on a pipe.
fn bogen_bytes(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_bogen")).args(args).output().expect("bogen runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    out.stdout
}

/// A record of the screening example with its data changed as `change` says, the digest
/// renewed only when `reseal`.
fn changed_record(dir: &tempfile::TempDir, change: impl Fn(&mut Value), reseal: bool) -> std::path::PathBuf {
    let path = make_record(dir, "screening");
    let mut record = read_json(&path);
    change(&mut record["data"]);
    let changed = write(dir, "changed-data.json", serde_json::to_string(&record["data"]).expect("JSON"));
    if reseal {
        // Sealing invalid data is refused, so the digest of invalid data comes from a lax form.
        let lax = write(
            dir,
            "lax.schema.json",
            r#"{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:bogen:form:lax:1.0.0","type":"object"}"#,
        );
        let run = bogen(&["record", "--form", &lax, &changed]);
        assert_eq!(run.code, 0, "{run:?}");
        record["dataHash"] = run.json()["dataHash"].clone();
    }
    let out = dir.path().join("changed.json");
    std::fs::write(&out, serde_json::to_string_pretty(&record).expect("JSON")).expect("written");
    out
}

#[test]
fn an_invalid_record_makes_no_pdf() {
    let dir = temp();
    let record = changed_record(&dir, |data| data["person"]["name"] = Value::Null, true);
    let pdf = dir.path().join("out.pdf");
    let run = bogen(&["pdf", &arg(&record), "-o", &arg(&pdf)]);
    assert_eq!(run.code, 1, "{run:?}");
    let pointers: Vec<String> = run.errors().into_iter().map(|(p, _)| p).collect();
    assert!(pointers.contains(&"/data/person/name".to_owned()), "{run:?}");
    assert!(!pdf.exists(), "a PDF was written for invalid data");
    assert_eq!(
        std::fs::read_dir(dir.path())
            .expect("dir")
            .filter(|e| { e.as_ref().is_ok_and(|e| e.file_name().to_string_lossy().contains(".tmp")) })
            .count(),
        0
    );
}

#[test]
fn a_changed_record_makes_no_pdf() {
    let dir = temp();
    let record = changed_record(&dir, |data| data["person"]["name"] = "Popescu".into(), false);
    let pdf = dir.path().join("out.pdf");
    let run = bogen(&["--json", "pdf", &arg(&record), "-o", &arg(&pdf)]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.json()[0]["pointer"], "/dataHash", "{run:?}");
    assert!(!pdf.exists());
}

#[test]
fn bare_data_is_no_record_to_lay_out() {
    let dir = temp();
    let pdf = dir.path().join("out.pdf");
    let run = bogen(&["pdf", &arg(&example("screening")), "-o", &arg(&pdf)]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("full.json: not a Bogen record") && run.stderr.contains("bogen record"), "{run:?}");
    assert!(!pdf.exists());
}

#[test]
fn a_broken_layout_template_is_named() {
    let dir = temp();
    let record = make_record(&dir, "screening");
    let layout = write(&dir, "layout.json", "{\"form\": 7}");
    let pdf = dir.path().join("out.pdf");
    let run = bogen(&["pdf", &arg(&record), "-o", &arg(&pdf), "--template", &layout]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.starts_with(&format!("error: {layout}: not a usable layout template")), "{run:?}");
    let other = write(&dir, "other.json", "{\"form\": \"hilfeplan\"}");
    let run = bogen(&["pdf", &arg(&record), "-o", &arg(&pdf), "--template", &other]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.starts_with(&format!("error: {other}: ")), "{run:?}");
    assert!(!pdf.exists());
}

#[test]
fn a_pdf_whose_attached_record_was_changed_is_invalid() {
    let dir = temp();
    let record = read_json(&changed_record(&dir, |data| data["person"]["name"] = "Popescu".into(), false));
    let json = serde_json::to_string(&record).expect("JSON");
    // An uncompressed attachment, as another PDF tool may write it.
    let pdf = format!(
        "%PDF-1.7\n1 0 obj\n<< /Type /EmbeddedFile /Length {} >>\nstream\n{json}\nendstream\nendobj\n%%EOF\n",
        json.len()
    );
    let path = write(&dir, "changed.pdf", pdf);
    let out = dir.path().join("back.json");
    let run = bogen(&["extract", &path, "-o", &arg(&out)]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.errors()[0].0, "/dataHash", "{run:?}");
    assert!(!out.exists(), "a changed record was written");
}

#[test]
fn import_is_extract_by_the_name_case_stores_look_for() {
    let dir = temp();
    let record = make_record(&dir, "hilfeplan");
    let pdf = dir.path().join("hilfeplan.pdf");
    make_pdf(&record, &pdf);
    let run = bogen(&["import", &arg(&pdf)]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert_eq!(run.json(), read_json(&record), "import gave another record than was laid out");

    let changed = read_json(&changed_record(&dir, |data| data["person"]["name"] = "Popescu".into(), false));
    let json = serde_json::to_string(&changed).expect("JSON");
    let pdf = format!(
        "%PDF-1.7\n1 0 obj\n<< /Type /EmbeddedFile /Length {} >>\nstream\n{json}\nendstream\nendobj\n%%EOF\n",
        json.len()
    );
    let run = bogen(&["import", &write(&dir, "changed.pdf", pdf)]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.errors()[0].0, "/dataHash", "import took a record its digest denies: {run:?}");
}

#[test]
fn what_is_not_a_bogen_pdf_is_unusable_and_named() {
    let dir = temp();
    let record = make_record(&dir, "screening");
    let run = bogen(&["extract", &arg(&record)]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{run:?}");
    assert!(run.stderr.starts_with(&format!("error: {}: ", arg(&record))), "{run:?}");
    assert!(run.stderr.contains("not a PDF"), "{run:?}");

    let bare = write(&dir, "bare.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");
    let run = bogen(&["--json", "extract", &bare]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.json()["error"].as_str().unwrap_or_default().starts_with(&format!("{bare}: no Bogen record")),
        "{run:?}"
    );

    let missing = arg(&dir.path().join("missing.pdf"));
    let run = bogen(&["extract", &missing]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains(&format!("{missing}: no such file")), "{run:?}");
}

#[test]
fn a_pdf_cut_short_gives_no_record() {
    let dir = temp();
    let record = make_record(&dir, "datenschutz");
    let pdf = dir.path().join("datenschutz.pdf");
    make_pdf(&record, &pdf);
    let bytes = std::fs::read(&pdf).expect("PDF");
    let at = bytes.windows(13).position(|w| w == b"/EmbeddedFile").expect("the PDF has an attachment");
    let cut = write(&dir, "cut.pdf", &bytes[..at + 40]);
    let run = bogen(&["extract", &cut]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{run:?}");
    assert!(run.stderr.starts_with(&format!("error: {cut}: no Bogen record")), "{run:?}");
}
