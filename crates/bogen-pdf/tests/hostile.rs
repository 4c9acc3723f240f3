//! Hostile text in a record: markup, bidi controls and zero-width characters are printed as the
//! text they are, the PDF stays valid, and the attached record carries them unchanged.

mod support;

use bogen_pdf::{extract, render, Fonts, Template};
use serde_json::json;
use support::*;

#[test]
fn markup_bidi_controls_and_zero_width_characters_are_printed_as_text() {
    let bundle = bundle("screening");
    let mut data = example("screening");
    data["person"]["vorname"] = json!("<script>window.pwned=1</script>");
    data["person"]["name"] = json!("\u{202e}fdp.exe\u{202c}Haddad");
    data["person"]["erreichbarkeit"] =
        json!("<img src=x onerror=window.pwned=1> \u{2066}Amal\u{2069} Ha\u{200b}d\u{200d}ad");
    let record = record(&bundle, data);
    let pdf = render(&record, &bundle, &Template::for_form("screening").unwrap(), &Fonts::noto_sans())
        .unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "hostile.pdf", &pdf);
    let file = file.to_str().unwrap();
    let check = tool("qpdf", &["--check", file]);
    assert!(check.contains("No syntax or stream encoding errors found"), "{check}");
    let text = squeezed(&tool("pdftotext", &[file, "-"]));
    assert!(text.contains("<script>window.pwned=1</script>"), "markup is printed as text");
    assert!(text.contains("<imgsrc=xonerror=window.pwned=1>"), "markup is printed as text");
    assert!(text.contains("fdp.exe"), "text after a bidi override is printed");
    assert_eq!(extract(&pdf).unwrap(), record, "the attached record carries the values unchanged");
}
