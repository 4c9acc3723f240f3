//! Every form with a filled example gives a PDF that real tools accept: qpdf finds no damage,
//! poppler finds every font embedded, every value of the data as text, and the record attached.

mod support;

use bogen_core::{date, path, FieldKind, FormBundle, Record};
use bogen_pdf::{extract, render, Fonts, Template};
use serde_json::Value;
use support::*;

/// Every string of the data as the PDF must show it: dates as TT.MM.JJJJ, codes as labels.
/// A code naming a sibling property with a value ("wer": "partner" next to "partner") is
/// shown as that value, which is checked itself.
fn expected_texts(bundle: &FormBundle, data: &Value, pointer: &str, out: &mut Vec<String>) {
    match data {
        Value::Object(map) => map
            .iter()
            .filter(|(_, v)| !v.as_str().is_some_and(|code| map.get(code).is_some_and(Value::is_string)))
            .for_each(|(k, v)| expected_texts(bundle, v, &path::join(pointer, k), out)),
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, v)| expected_texts(bundle, v, &format!("{pointer}/{i}"), out))
        }
        Value::String(s) => {
            let Some(field) = bundle.root.find(&path::field_key(pointer)) else { return };
            out.push(match &field.kind {
                FieldKind::Date => date::display(s),
                FieldKind::Choice { choices, .. } | FieldKind::MultiChoice { choices } => {
                    choices.iter().find(|c| &c.code == s).map(|c| c.label.clone()).unwrap_or_else(|| s.clone())
                }
                _ => s.clone(),
            });
        }
        _ => {}
    }
}

#[test]
fn the_four_forms_are_there() {
    let forms = forms_with_examples();
    for id in ["assessment", "datenschutz", "hilfeplan", "screening"] {
        assert!(forms.iter().any(|f| f == id), "forms/{id}/examples/full.json is missing: {forms:?}");
    }
}

#[test]
fn every_form_gives_a_checked_pdf_that_carries_its_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fonts = Fonts::noto_sans();
    for id in forms_with_examples() {
        let bundle = bundle(&id);
        let data = example(&id);
        assert!(bundle.is_valid(&data), "forms/{id}/examples/full.json is valid");
        let record = record(&bundle, data);
        let template = Template::for_form(&id).expect("built-in template reads");
        let pdf = render(&record, &bundle, &template, &fonts).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(render(&record, &bundle, &template, &fonts).unwrap(), pdf, "{id}: same record, same bytes");
        let file = write(dir.path(), &format!("{id}.pdf"), &pdf);
        let file = file.to_str().expect("UTF-8 path");

        let check = tool("qpdf", &["--check", file]);
        assert!(check.contains("No syntax or stream encoding errors found"), "{id}: {check}");

        let fonts_listed = tool("pdffonts", &[file]);
        let font_lines: Vec<&str> = fonts_listed.lines().skip(2).collect();
        assert!(font_lines.len() >= 2, "{id}: regular and bold: {fonts_listed}");
        for line in &font_lines {
            assert!(
                line.contains("CID TrueType") && line.contains(" yes yes yes "),
                "{id}: embedded subset with ToUnicode: {line}"
            );
        }

        let text = squeezed(&tool("pdftotext", &[file, "-"]));
        let mut expected = Vec::new();
        expected_texts(&bundle, &record.data, "", &mut expected);
        assert!(expected.len() > 10, "{id}: the example has values");
        for value in expected {
            assert!(text.contains(&squeezed(&value)), "{id}: {value:?} is not in the PDF's text");
        }
        assert!(text.contains(&squeezed("Seite 1 von")), "{id}: page numbers");

        let out = dir.path().join(&id);
        std::fs::create_dir(&out).expect("folder for attachments");
        let listed = tool("pdfdetach", &["-list", file]);
        assert!(listed.contains("1 embedded files") && listed.contains("record.json"), "{id}: {listed}");
        tool("pdfdetach", &["-saveall", "-o", out.to_str().expect("UTF-8"), file]);
        let attached = std::fs::read_to_string(out.join("record.json")).expect("record.json saved");
        assert_eq!(Record::parse(&attached).expect("attached record imports"), record, "{id}");
        assert_eq!(extract(&pdf).expect("record extracted"), record, "{id}");
    }
}

#[test]
fn every_built_in_template_fits_its_form() {
    for id in Template::built_in_forms() {
        let template = Template::for_form(id).unwrap_or_else(|e| panic!("{e}"));
        template.check(&bundle(id)).unwrap_or_else(|e| panic!("{e}"));
    }
    let files: Vec<String> = std::fs::read_dir(workspace().join("pdf-templates"))
        .expect("pdf-templates/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    for file in files.iter().filter(|f| f.as_str() != "README.md") {
        let id = file.strip_suffix(".json").unwrap_or_else(|| panic!("{file}: templates are JSON files"));
        assert!(
            id == "default" || Template::built_in_forms().any(|f| f == id),
            "{file} is not compiled in (templates.rs)"
        );
    }
}
