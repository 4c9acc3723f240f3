//! A long Hilfeplan (12 goals, 60 steps) runs over several pages without losing or cutting
//! anything: tables break between rows and repeat their header, text stays inside the
//! margins, the signature block stays whole.

mod support;

use bogen_core::FormBundle;
use bogen_pdf::{render, Fonts, Template};
use serde_json::{json, Value};
use support::*;

const AREAS: [&str; 10] =
    ["aufenthalt", "wohnen", "gesundheit", "sprache", "bildung", "arbeit", "finanzen", "familie", "netzwerk", "alltag"];
const WHO: [&str; 3] = ["teilnehmende", "casemanagement", "partner"];
const STATUS: [&str; 4] = ["offen", "laeuft", "erledigt", "entfallen"];
const PRIORITY: [&str; 3] = ["hoch", "mittel", "niedrig"];

fn step_text(goal: usize, step: usize) -> String {
    let detail =
        "Unterlagen zusammenstellen, Termin vereinbaren, Antrag gemeinsam ausfüllen und Kopien für die Akte machen. ";
    format!("Schritt {step} zu Ziel {goal}: {}", detail.repeat(1 + (goal * 7 + step * 3) % 4))
}

/// Twelve goals with five steps each, texts of varying length, all valid for the form.
fn long_plan(bundle: &FormBundle) -> Value {
    let mut data = example("hilfeplan");
    let goals: Vec<Value> = (1..=12)
        .map(|g| {
            let steps: Vec<Value> = (1..=5)
                .map(|s| {
                    let mut step = json!({
                        "wer": WHO[(g + s) % 3],
                        "was": step_text(g, s),
                        "bisWann": format!("2027-{:02}-{:02}", 1 + (g + s) % 12, 1 + (g * s) % 28),
                        "status": STATUS[(g * s) % 4]
                    });
                    if WHO[(g + s) % 3] == "partner" {
                        step["partner"] = json!(format!("Beratungsstelle Nummer {g}-{s}"));
                    }
                    step
                })
                .collect();
            json!({
                "ziel": format!("Ziel Nummer {g}: Die Familie lebt selbstständig und sicher; {}", "die Lage ist geklärt. ".repeat(g % 3 + 1)),
                "lebensbereich": AREAS[g % 10],
                "prioritaet": PRIORITY[g % 3],
                "teilziele": [{"teilziel": format!("Erstes Teilziel zu Ziel {g}")}, {"teilziel": format!("Zweites Teilziel zu Ziel {g}")}],
                "schritte": steps,
                "meilensteine": [{"beschreibung": format!("Meilenstein zu Ziel {g}"), "datum": "2027-06-30", "erreicht": g % 2 == 0}]
            })
        })
        .collect();
    data["ziele"] = Value::Array(goals);
    assert!(bundle.is_valid(&data), "{:?}", bundle.validate(&data));
    data
}

/// Every word of `expected` appears in `text` in order, close together: a row broken across
/// pages has the page's footer, header and the repeated table header between its parts.
fn assert_in_order(text: &str, opening: &str, expected: &str) {
    assert_in_order_within(text, opening, expected, 600);
}

/// As [`assert_in_order`], from the first place where `opening` (which starts `expected`) is.
fn assert_in_order_within(text: &str, opening: &str, expected: &str, slack: usize) {
    // Words are compared in parts split at hyphens: poppler joins a word hyphenated at a line
    // end ("Al-" + "Obaidi" gives "AlObaidi"), but not across a page break.
    let words: Vec<&str> = expected.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect();
    assert!(expected.starts_with(opening));
    let start = text.find(opening).unwrap_or_else(|| panic!("{opening:?} not found"));
    let mut at = start;
    for word in &words {
        at += text[at..].find(word).unwrap_or_else(|| panic!("{word:?} of {expected:?} missing after {at}"));
    }
    assert!(at - start < expected.len() + slack, "{expected:?} is spread over {} bytes", at - start);
}

#[test]
fn twelve_goals_and_sixty_steps_break_cleanly_over_several_pages() {
    let bundle = bundle("hilfeplan");
    let record = record(&bundle, long_plan(&bundle));
    let template = Template::for_form("hilfeplan").unwrap();
    let started = std::time::Instant::now();
    let pdf = render(&record, &bundle, &template, &Fonts::noto_sans()).unwrap();
    println!("12 goals, 60 steps: {} bytes in {:?} (test build)", pdf.len(), started.elapsed());
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "hilfeplan-long.pdf", &pdf);
    let file = file.to_str().unwrap();
    assert!(tool("qpdf", &["--check", file]).contains("No syntax or stream encoding errors found"));

    let pages = pages(file);
    assert!(pages >= 5, "{pages} pages");
    let raw = tool("pdftotext", &[file, "-"]);
    let text = squeezed(&raw);
    for g in 1..=12 {
        assert!(text.contains(&squeezed(&format!("Ziel {g}: Ziel Nummer {g}:"))), "goal {g} heading");
        for s in 1..=5 {
            assert_in_order(&raw, &format!("Schritt {s} zu Ziel {g}:"), &step_text(g, s));
        }
    }
    assert!(text.contains(&squeezed(&format!("Seite {pages} von {pages}"))));

    // Each of the twelve step tables has its header once; a table broken across pages
    // repeats it on the next page.
    let headers = text.matches(&squeezed("Bis wann?")).count();
    assert!(headers > 12, "{headers} step table headers for 12 tables");
    for page in 2..=pages {
        let first_lines: String = page_text(file, page).lines().skip(1).take(4).collect();
        if first_lines.contains("Schritt ") && !first_lines.contains("Schritte:") {
            assert!(
                first_lines.contains("Bis wann?"),
                "page {page} continues a table without its header: {first_lines}"
            );
        }
    }

    // Nothing runs into the margins: A4, 18 mm right, 14 mm bottom margin.
    let (right, bottom) = (595.28 - 18.0 * 72.0 / 25.4, 841.89 - 14.0 * 72.0 / 25.4);
    for (word, x_max, y_max) in word_boxes(file) {
        assert!(x_max <= right + 0.5 && y_max <= bottom + 0.5, "{word:?} ends at ({x_max}, {y_max})");
    }

    // The signature block is on one page, with its heading.
    let last = page_text(file, pages);
    for part in ["Unterschriften", "Teilnehmende Person", "Case Management", "Ionela Munteanu", "Katharina Wolff"] {
        assert!(last.contains(part), "{part:?} not on the last page: {last}");
    }
}

#[test]
fn a_very_long_text_runs_over_pages_and_a_long_name_fits_the_header() {
    let bundle = bundle("hilfeplan");
    let mut data = example("hilfeplan");
    let sentence =
        "Herr Al-Obaidi übernimmt die Termine bei der Ausländerbehörde, das Case Management die Abstimmung. ";
    let long = sentence.repeat(48);
    assert!(long.len() < 5000);
    data["vereinbarungen"]["vereinbarteRollen"] = json!(long.trim_end());
    data["stammdaten"]["vorname"] = json!("Mustafa Abd al-Rahman Mahmoud Hussein Karim Nadir Salim Yusuf Zayd");
    let record = record(&bundle, data);
    let pdf = render(&record, &bundle, &Template::for_form("hilfeplan").unwrap(), &Fonts::noto_sans()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "long-text.pdf", &pdf);
    let file = file.to_str().unwrap();
    let pages = pages(file);
    assert!(pages >= 3, "{pages}");
    let raw = tool("pdftotext", &[file, "-"]);
    // The text is cut by one page break: footer, header and nothing else in between.
    assert_in_order_within(&raw, "Herr Al-Obaidi übernimmt", long.trim_end(), 400);
    let (right, bottom) = (595.28 - 18.0 * 72.0 / 25.4, 841.89 - 14.0 * 72.0 / 25.4);
    for (word, x_max, y_max) in word_boxes(file) {
        assert!(x_max <= right + 0.5 && y_max <= bottom + 0.5, "{word:?} ends at ({x_max}, {y_max})");
    }
    assert!(page_text(file, 2).contains('…'), "the long name is shortened in the header");
    assert!(squeezed(&raw).contains(&squeezed("Salim Yusuf Zayd Al-Obaidi")), "and in full in the title");
}
