//! Reading the record back out of a PDF: after other tools rewrote the file, and refusing
//! what is not a Bogen PDF or carries changed data.

mod support;

use bogen_pdf::{extract, render, Fonts, PdfError, Template};
use support::*;

fn pdf_and_record() -> (Vec<u8>, bogen_core::Record) {
    let bundle = bundle("screening");
    let record = record(&bundle, example("screening"));
    let pdf = render(&record, &bundle, &Template::for_form("screening").unwrap(), &Fonts::noto_sans()).unwrap();
    (pdf, record)
}

#[test]
fn the_record_survives_rewriting_by_other_tools() {
    let (pdf, record) = pdf_and_record();
    let dir = tempfile::tempdir().unwrap();
    let original = write(dir.path(), "original.pdf", &pdf);
    for (name, options) in [
        ("object-streams.pdf", &["--object-streams=generate"][..]),
        ("uncompressed.pdf", &["--stream-data=uncompress", "--qdf"][..]),
        ("linearized.pdf", &["--linearize"][..]),
    ] {
        let out = dir.path().join(name);
        let mut args: Vec<&str> = options.to_vec();
        args.extend([original.to_str().unwrap(), out.to_str().unwrap()]);
        tool("qpdf", &args);
        let rewritten = std::fs::read(&out).unwrap();
        assert_ne!(rewritten, pdf, "{name} differs from the original");
        assert_eq!(extract(&rewritten).unwrap_or_else(|e| panic!("{name}: {e}")), record, "{name}");
    }
}

#[test]
fn what_is_no_bogen_pdf_is_refused() {
    assert!(matches!(extract(b"{\"format\": \"bogen-record\"}"), Err(PdfError::NoRecord(_))));
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.pdf");
    tool("qpdf", &["--empty", empty.to_str().unwrap()]);
    let e = extract(&std::fs::read(&empty).unwrap()).unwrap_err();
    assert!(matches!(e, PdfError::NoRecord(_)), "{e}");
    assert!(e.to_string().contains("no attached files"), "{e}");
}

#[test]
fn a_record_whose_data_does_not_match_its_digest_is_not_rendered() {
    let bundle = bundle("screening");
    let mut record = record(&bundle, example("screening"));
    record.data["person"]["vorname"] = serde_json::json!("Ioana");
    let e = render(&record, &bundle, &Template::for_form("screening").unwrap(), &Fonts::noto_sans()).unwrap_err();
    assert_eq!(e, PdfError::Record(bogen_core::RecordError::Digest));
}

#[test]
fn a_record_for_another_form_is_refused() {
    let (_, record) = pdf_and_record();
    let other = bundle("hilfeplan");
    let e = render(&record, &other, &Template::for_form("hilfeplan").unwrap(), &Fonts::noto_sans()).unwrap_err();
    assert!(matches!(e, PdfError::FormMismatch { .. }), "{e}");
    let e = render(&record, &bundle("screening"), &Template::for_form("hilfeplan").unwrap(), &Fonts::noto_sans())
        .unwrap_err();
    assert!(matches!(e, PdfError::FormMismatch { .. }), "{e}");
}

#[test]
fn a_template_naming_a_missing_field_says_which() {
    let (_, record) = pdf_and_record();
    let template = Template::from_json(
        "mine.json",
        r#"{"form": "screening", "blocks": [{"fields": ["person.name", "person.spitzname"]}]}"#,
    )
    .unwrap();
    let e = render(&record, &bundle("screening"), &template, &Fonts::noto_sans()).unwrap_err();
    assert!(e.to_string().contains("person.spitzname"), "{e}");
    let e = Template::from_json("mine.json", r#"{"form": "screening", "blocks": [], "colour": "red"}"#).unwrap_err();
    assert!(e.to_string().contains("mine.json") && e.to_string().contains("colour"), "{e}");
}

#[test]
fn text_the_fonts_cannot_show_is_named() {
    let bundle = bundle("screening");
    let mut data = example("screening");
    data["person"]["erstsprache"] = serde_json::json!("Tigrinya (ትግርኛ)");
    let record = bogen_core::Record::new(&bundle, data, LANG, NOW);
    let e = render(&record, &bundle, &Template::for_form("screening").unwrap(), &Fonts::noto_sans()).unwrap_err();
    assert!(matches!(&e, PdfError::MissingGlyphs(chars) if chars.contains('ት')), "{e}");
}

#[test]
fn attachments_that_inflate_beyond_any_record_are_refused() {
    use std::io::Write;
    let mut bomb = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    bomb.write_all(&vec![b' '; 1 << 20]).unwrap();
    let bomb = bomb.finish().unwrap();
    let mut pdf = b"%PDF-1.7\n".to_vec();
    for n in 1..=40 {
        pdf.extend(format!("{n} 0 obj\n<</Type /EmbeddedFile /Filter /FlateDecode>>\nstream\n").as_bytes());
        pdf.extend(&bomb);
        pdf.extend(b"\nendstream\nendobj\n");
    }
    let e = extract(&pdf).unwrap_err();
    assert!(matches!(e, PdfError::NoRecord(_)) && e.to_string().contains("more than"), "{e}");
}

#[test]
fn a_file_of_dictionary_words_without_streams_is_no_record() {
    let mut pdf = b"%PDF-1.7\n1 0 obj\n".to_vec();
    pdf.extend(b"/Type /EmbeddedFile stream ".repeat(20_000));
    let e = extract(&pdf).unwrap_err();
    assert!(matches!(e, PdfError::NoRecord(_)), "{e}");
}
