//! PDF/A-3a and PDF/UA-1 checked by an independent validator: `page` (PyPI page-validation),
//! in a virtual environment under `.tools/`, set up on first use (`support::validator_python`).

mod support;

use bogen_pdf::{render, Fonts, Template};
use support::*;

#[test]
fn every_form_passes_the_pdf_a_3a_and_pdf_ua_1_validator() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = Fonts::noto_sans();
    let mut files = Vec::new();
    for id in forms_with_examples() {
        let bundle = bundle(&id);
        let template = Template::for_form(&id).unwrap();
        let signed = record(&bundle, example(&id));
        let unsigned = bogen_core::Record::new(&bundle, example(&id), LANG, NOW);
        for (name, record) in [("signed", signed), ("unsigned", unsigned)] {
            let pdf = render(&record, &bundle, &template, &fonts).unwrap();
            files.push(write(dir.path(), &format!("{id}-{name}.pdf"), &pdf));
        }
    }
    assert_conformant(&files);
}
