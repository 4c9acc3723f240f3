//! Signatures in the PDF: drawn strokes as a figure with alternative text, typed names with
//! their confirmation, signer, place and time; empty boxes for signing on paper; a warning
//! when the data changed after signing.

mod support;

use bogen_pdf::{render, Fonts, Template};
use support::*;

fn text_of(record: &bogen_core::Record, id: &str) -> String {
    let bundle = bundle(id);
    let pdf = render(record, &bundle, &Template::for_form(id).unwrap(), &Fonts::noto_sans()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "signed.pdf", &pdf);
    tool("pdftotext", &[file.to_str().unwrap(), "-"])
}

#[test]
fn drawn_and_typed_signatures_name_signer_place_and_time() {
    let bundle = bundle("datenschutz");
    let mut record = record(&bundle, example("datenschutz"));
    record.signatures[0].text_version = Some("datenschutz-de-2026-11".into());
    let text = squeezed(&text_of(&record, "datenschutz"));
    for part in [
        "Teilnehmende Person",
        "Ionela Munteanu",
        "Velbert, 30.11.2026, 10:04 Uhr",
        "Fassung des unterschriebenen Textes: datenschutz-de-2026-11",
        // Not a role of the Datenschutzerklärung's template, still shown: no signature is dropped.
        "Case Management",
        "Katharina Wolff",
        "Name eingegeben und bestätigt",
        "Velbert, 30.11.2026, 09:10 Uhr UTC",
    ] {
        assert!(text.contains(&squeezed(part)), "{part:?} missing");
    }
    assert!(!text.contains(&squeezed("Ort, Datum")), "signed boxes have no empty lines");
    assert!(!text.contains(&squeezed("geändert")), "the signatures cover the data");
}

#[test]
fn unsigned_roles_get_lines_for_signing_on_paper() {
    let bundle = bundle("hilfeplan");
    let record = bogen_core::Record::new(&bundle, example("hilfeplan"), LANG, NOW);
    let text = text_of(&record, "hilfeplan");
    assert_eq!(text.matches("Ort, Datum").count(), 2, "{text}");
    assert_eq!(text.matches("Unterschrift\n").count() + text.matches("Unterschrift ").count(), 2, "{text}");
}

#[test]
fn a_signature_over_older_data_is_marked() {
    let bundle = bundle("hilfeplan");
    let mut record = record(&bundle, example("hilfeplan"));
    let mut changed = record.data.clone();
    changed["vereinbarungen"]["ueberpruefungstermin"] = serde_json::json!("2027-03-01");
    record.update(&bundle, changed, "2026-12-01T09:00:00+01:00");
    let text = squeezed(&text_of(&record, "hilfeplan"));
    assert_eq!(text.matches(&squeezed("Die Daten wurden nach dieser Unterschrift geändert.")).count(), 2);
    assert!(text.contains("01.03.2027"));
}

/// A record saved by the browser after drawing both signatures on the pad (mouse input in the
/// end-to-end test `signature.test.js`): its strokes become the PDF's signature figures.
#[test]
fn strokes_drawn_in_the_browser_are_drawn_in_the_pdf() {
    let text = std::fs::read_to_string(workspace().join("crates/bogen-pdf/tests/fixtures/hilfeplan-signed.json"))
        .expect("fixture");
    let record = bogen_core::Record::parse(&text).expect("the saved record parses");
    let bundle = bundle("hilfeplan");
    record.check(&bundle).expect("the record belongs to the Hilfeplan");
    assert_eq!(record.signatures.len(), 2);
    assert!(record
        .signatures
        .iter()
        .all(|s| matches!(s.mark, bogen_core::Mark::Drawn { .. }) && s.covers(&record.data)));
    let pdf = render(&record, &bundle, &Template::for_form("hilfeplan").unwrap(), &Fonts::noto_sans()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "signed.pdf", &pdf);
    let text = squeezed(&tool("pdftotext", &[file.to_str().unwrap(), "-"]));
    for part in ["Teilnehmende Person", "Hodan Warsame", "Case Management", "Sebastian Krüger"] {
        assert!(text.contains(&squeezed(part)), "{part:?} missing");
    }
    assert!(!text.contains(&squeezed("Ort, Datum")), "both boxes are signed, none left for paper");
    assert!(!text.contains(&squeezed("geändert")), "the signatures cover the data");
    // Each drawn signature is a figure with alternative text in the tag tree.
    let json: serde_json::Value =
        serde_json::from_str(&tool("qpdf", &["--json=2", "--json-key=qpdf", file.to_str().unwrap()])).unwrap();
    let mut alts: Vec<String> = json["qpdf"][1]
        .as_object()
        .unwrap()
        .values()
        .filter(|o| o["value"]["/S"] == "/Figure")
        .map(|o| o["value"]["/Alt"].as_str().unwrap_or_default().to_owned())
        .collect();
    alts.sort();
    assert_eq!(alts, ["u:Unterschrift von Hodan Warsame", "u:Unterschrift von Sebastian Krüger"]);
}
