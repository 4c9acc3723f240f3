//! Bilingual PDFs: the Datenschutzerklärung in German with Arabic or Persian, the Hilfeplan in
//! German with Ukrainian. Checked as a reader, a screen reader and an archive see them: text
//! extraction (MuPDF's `mutool`) gives the translation's words in reading order, the structure
//! tree names the translation's language on its elements, and the validator accepts the files.

mod support;

use std::path::{Path, PathBuf};

use bogen_core::{FormBundle, Record};
use bogen_pdf::{render_bilingual, Fonts, Template};
use serde_json::Value;
use support::*;
use unicode_normalization::UnicodeNormalization;

/// The PDF of the form's full example filled in `lang`, the German form beside it as the
/// command line gives it (bilingual where the layout is), written for the tools (and for
/// a person to look at) under the target's temporary directory.
fn bilingual(id: &str, lang: &str) -> PathBuf {
    let (german, translated) = (bundle(id), bundle_in(id, lang));
    let mut record = Record::new(&translated, example(id), lang, NOW);
    record.signatures = vec![drawn("teilnehmende", "Ionela Munteanu", &record)];
    let template = Template::for_form(id).unwrap();
    let pdf = render_bilingual(&record, &translated, Some(&german), &template, &Fonts::noto_sans())
        .unwrap_or_else(|e| panic!("{id} {lang}: {e}"));
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bilingual");
    std::fs::create_dir_all(&dir).unwrap();
    write(&dir, &format!("{id}-de-{lang}.pdf"), &pdf)
}

/// The text MuPDF extracts, compatibility-normalised (Arabic presentation forms and ligatures
/// back to letters) and without whitespace, so line breaks do not matter; without the page
/// frame (header: Träger and title, footer: form, digest, page), so a paragraph running over
/// a page break still reads as one.
fn extracted(file: &Path) -> String {
    let text = tool("mutool", &["draw", "-q", "-F", "txt", "-o", "-", file.to_str().unwrap()]);
    let frame = |line: &str| {
        ["Formular ", "sha256:", "Seite ", "Stadt Velbert", "Diakonie, Standort Ratingen"]
            .iter()
            .any(|f| line.starts_with(f))
            || line.ends_with("– Ionela Munteanu")
            || line.ends_with("– Mustafa Al-Obaidi")
    };
    folded(&text.lines().filter(|l| !frame(l.trim())).collect::<Vec<_>>().join("\n"))
}

/// Text compared without whitespace, NFKC-normalised, with each pair of brackets as one
/// character: right to left, "(" is drawn with the mirrored glyph of ")", which MuPDF reads
/// by glyph (the PDF's ActualText, which poppler reads, says "(").
fn folded(text: &str) -> String {
    text.nfkc()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            ')' => '(',
            ']' => '[',
            '»' => '«',
            c => c,
        })
        // The zero-width non-joiner of Persian is drawn as an empty space glyph, read as a space.
        .filter(|c| *c != '\u{200c}')
        .collect()
}

/// Every paragraph the translated Datenschutzerklärung shows: the form's description, the
/// headings of its sections and their help texts, the binding note.
fn paragraphs(bundle: &FormBundle) -> Vec<String> {
    let mut out: Vec<String> =
        bundle.texts.form.description.iter().flat_map(|d| d.split("\n\n")).map(str::to_owned).collect();
    for field in bundle.root.children() {
        out.push(field.label.clone());
        out.extend(field.help.iter().flat_map(|h| h.split("\n\n")).map(str::to_owned));
    }
    out.push(bundle.texts.ui["pdf.binding"].clone());
    out
}

/// Structure elements (type, title, language) from qpdf's JSON view of the file, and the
/// document's language.
fn structure(file: &Path) -> (Vec<(String, String, Option<String>)>, String) {
    let json: Value =
        serde_json::from_str(&tool("qpdf", &["--json", "--json-key=qpdf", file.to_str().unwrap()])).expect("JSON");
    let objects = json["qpdf"][1].as_object().expect("qpdf lists the objects");
    let text = |v: &Value| v.as_str().map(|s| s.strip_prefix("u:").unwrap_or(s).to_owned());
    let mut elements = Vec::new();
    let mut document_lang = String::new();
    for object in objects.values() {
        let dict = object.get("value").unwrap_or(object);
        match dict.get("/Type").and_then(Value::as_str) {
            Some("/StructElem") => elements.push((
                dict["/S"].as_str().unwrap_or_default().to_owned(),
                dict.get("/T").and_then(text).unwrap_or_default(),
                dict.get("/Lang").and_then(text),
            )),
            Some("/Catalog") => document_lang = dict.get("/Lang").and_then(text).unwrap_or_default(),
            _ => {}
        }
    }
    (elements, document_lang)
}

#[test]
fn datenschutz_in_arabic_and_persian_reads_in_order_and_names_its_language() {
    let german = bundle("datenschutz");
    let mut files = Vec::new();
    for lang in ["ar", "fa"] {
        let file = bilingual("datenschutz", lang);
        let text = extracted(&file);
        let translated = bundle_in("datenschutz", lang);
        for paragraph in paragraphs(&translated) {
            assert!(text.contains(&folded(&paragraph)), "{lang}: not found in reading order: {paragraph}");
        }
        for paragraph in paragraphs(&german) {
            assert!(text.contains(&folded(&paragraph)), "de: not found: {paragraph}");
        }
        // The German part comes first, the translation after it.
        let first = |p: &str| text.find(&folded(p)).unwrap();
        assert!(first(&german.texts.ui["pdf.binding"]) < first(&translated.texts.ui["pdf.binding"]));
        assert!(first(&paragraphs(&german)[0]) < first(&paragraphs(&translated)[0]));

        let (elements, document_lang) = structure(&file);
        assert_eq!(document_lang, "de");
        let title_of = |bundle: &FormBundle| format!("{} – Ionela Munteanu", bundle.title());
        let heading = |title: &str| elements.iter().find(|(s, t, _)| s == "/H1" && t == title).cloned();
        assert_eq!(heading(&title_of(&german)).and_then(|h| h.2), None, "German inherits the document's de");
        assert_eq!(heading(&title_of(&translated)).and_then(|h| h.2).as_deref(), Some(lang));
        let tagged = |kind: &str| elements.iter().filter(|(s, _, l)| s == kind && l.as_deref() == Some(lang)).count();
        // Intro, help texts and the binding note (twice) are paragraphs; rows are table cells.
        assert!(tagged("/P") >= 10 && tagged("/TD") >= 10 && tagged("/H2") >= 5, "{elements:?}");
        files.push(file);
    }
    assert_conformant(&files);
}

#[test]
fn arabic_lines_are_right_aligned() {
    let file = bilingual("datenschutz", "ar");
    let ar = bundle_in("datenschutz", "ar");
    // Page 1 is German but for the translated binding note under the title.
    let page = tool("pdftotext", &["-f", "1", "-l", "1", "-bbox", file.to_str().unwrap(), "-"]);
    let right_edge = 595.28 - 18.0 * 72.0 / 25.4;
    let x_max = |line: &str| -> f32 {
        let at = line.find("xMax=\"").expect("a word box") + 6;
        line[at..].split('"').next().and_then(|v| v.parse().ok()).expect("a number")
    };
    let words = page.lines().filter(|l| l.trim_start().starts_with("<word "));
    let ends: Vec<f32> =
        words.filter(|l| l.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c))).map(x_max).collect();
    assert!(!ends.is_empty(), "the Arabic binding note is on page 1: {}", ar.texts.ui["pdf.binding"]);
    let rightmost = ends.iter().copied().fold(f32::MIN, f32::max);
    assert!((rightmost - right_edge).abs() < 1.5, "ends at {rightmost}, the margin is at {right_edge}");
}

#[test]
fn hilfeplan_in_ukrainian_follows_the_german_plan() {
    let file = bilingual("hilfeplan", "uk");
    let text = extracted(&file);
    let (german, uk) = (bundle("hilfeplan"), bundle_in("hilfeplan", "uk"));
    for bundle in [&german, &uk] {
        assert!(text.contains(&folded(&bundle.texts.ui["pdf.binding"])));
        for field in bundle.root.children().iter().filter(|f| f.name != "ziele") {
            assert!(text.contains(&folded(&field.label)), "{}: {}", bundle.texts.lang, field.label);
        }
    }
    let binding = |b: &FormBundle| text.find(&folded(&b.texts.ui["pdf.binding"])).unwrap();
    assert!(binding(&german) < binding(&uk), "German first");
    let (elements, document_lang) = structure(&file);
    assert_eq!(document_lang, "de");
    let tagged = elements.iter().filter(|(_, _, l)| l.as_deref() == Some("uk")).count();
    assert!(tagged > 50, "{tagged} elements tagged uk");
    assert!(elements.iter().any(|(s, t, l)| s == "/H1" && t.starts_with(uk.title()) && l.as_deref() == Some("uk")));
    assert_conformant(&[file]);
}

#[test]
fn a_screening_in_arabic_stays_arabic_alone() {
    let file = bilingual("screening", "ar");
    let text = extracted(&file);
    let ar = bundle_in("screening", "ar");
    for field in ar.root.children() {
        assert!(text.contains(&folded(&field.label)), "{} reads in order", field.label);
    }
    assert!(!text.contains(&folded(&bundle("screening").texts.ui["pdf.binding"])), "no German part");
    let (_, document_lang) = structure(&file);
    assert_eq!(document_lang, "ar");
    assert_conformant(&[file]);
}
