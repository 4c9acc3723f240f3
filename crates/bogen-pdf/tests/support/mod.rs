//! Forms, records and PDF tools for the tests: records are built from the forms' own examples,
//! PDFs are checked with poppler and qpdf as a case store or archive would.

#![allow(dead_code)] // each test binary uses its own part of the helpers

use std::path::{Path, PathBuf};
use std::process::Command;

use bogen_core::{canonical, FormBundle, Mark, Point, Record, Signature, Texts};
use serde_json::Value;

pub const LANG: &str = "de";
pub const NOW: &str = "2026-11-30T10:04:00+01:00";

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Ids of the forms in `forms/` that have a filled example.
pub fn forms_with_examples() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(workspace().join("forms"))
        .expect("forms/ exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("examples/full.json").is_file())
        .map(|e| e.file_name().into_string().expect("UTF-8 folder name"))
        .collect();
    ids.sort();
    ids
}

/// A form with the shared German texts under its own, as the command line loads it.
pub fn bundle(id: &str) -> FormBundle {
    bundle_in(id, "de")
}

/// A form in a language: the shared texts of that language under the form's own.
pub fn bundle_in(id: &str, lang: &str) -> FormBundle {
    let dir = workspace().join("forms").join(id);
    let common =
        Texts::from_json(&read(&workspace().join(format!("forms/common/i18n/{lang}.json")))).expect("shared texts");
    let own = Texts::from_json(&read(&dir.join(format!("i18n/{lang}.json")))).expect("form texts");
    let schema: Value = serde_json::from_str(&read(&dir.join("schema.json"))).expect("schema");
    let ui: Value = serde_json::from_str(&read(&dir.join("ui.json"))).expect("uiSchema");
    FormBundle::new(schema, ui, common.layered(own)).unwrap_or_else(|e| panic!("form {id}: {e}"))
}

pub fn example(id: &str) -> Value {
    serde_json::from_str(&read(&workspace().join("forms").join(id).join("examples/full.json"))).expect("example")
}

/// A record of the form's full example, signed by both roles: a drawn and a typed signature.
pub fn record(bundle: &FormBundle, data: Value) -> Record {
    let mut record = Record::new(bundle, data, LANG, NOW);
    record.signatures =
        vec![drawn("teilnehmende", "Ionela Munteanu", &record), typed("casemanagement", "Katharina Wolff", &record)];
    record
}

pub fn drawn(role: &str, name: &str, record: &Record) -> Signature {
    // A looping line and a dot, as a finger would draw on a 600 × 200 pad.
    let line: Vec<Point> = (0..80)
        .map(|i| {
            let t = i as f64 / 79.0;
            Point { x: 40.0 + 420.0 * t, y: 110.0 - 50.0 * (t * 12.0).sin() * (1.0 - t), t: i as f64 * 8.0 }
        })
        .collect();
    Signature {
        role: role.into(),
        name: name.into(),
        place: "Velbert".into(),
        signed_at: NOW.into(),
        mark: Mark::Drawn {
            width: 600.0,
            height: 200.0,
            strokes: vec![line, vec![Point { x: 500.0, y: 60.0, t: 0.0 }]],
        },
        data_hash: canonical::digest(&record.data),
        text_version: None,
    }
}

pub fn typed(role: &str, name: &str, record: &Record) -> Signature {
    Signature {
        role: role.into(),
        name: name.into(),
        place: "Velbert".into(),
        signed_at: "2026-11-30T09:10:00Z".into(),
        mark: Mark::Typed { typed_name: name.into(), confirmed: true },
        data_hash: canonical::digest(&record.data),
        text_version: None,
    }
}

/// Runs a PDF tool; a missing tool fails the test with what to install.
pub fn tool(program: &str, args: &[&str]) -> String {
    let package = match program {
        "qpdf" => "qpdf",
        _ => "poppler-utils",
    };
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| {
        panic!("{program} is needed to check PDFs ({e}): install it with `apt-get install {package}`")
    });
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("tool output is UTF-8")
}

/// Text without whitespace and hyphens, so line breaks do not matter (poppler joins words
/// hyphenated at a line end, as in "Al-Obaidi" broken after the hyphen).
pub fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '-').collect()
}

pub fn write(dir: &Path, name: &str, pdf: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, pdf).expect("PDF written");
    path
}

/// The pages of a PDF, as pdfinfo counts them.
pub fn pages(file: &str) -> usize {
    let info = tool("pdfinfo", &[file]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo names no page count: {info}"))
}

/// The text of one page (1-based).
pub fn page_text(file: &str, page: usize) -> String {
    let n = page.to_string();
    tool("pdftotext", &["-f", &n, "-l", &n, file, "-"])
}

/// Every word's box (xMax, yMax) in points, from poppler's `-bbox`, per page.
pub fn word_boxes(file: &str) -> Vec<(String, f32, f32)> {
    let html = tool("pdftotext", &["-bbox", file, "-"]);
    let attr = |line: &str, name: &str| -> f32 {
        let at = line.find(&format!("{name}=\"")).unwrap_or_else(|| panic!("{name} in {line}")) + name.len() + 2;
        line[at..].split('"').next().and_then(|v| v.parse().ok()).expect("a number")
    };
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .map(|l| {
            let word = l.split('>').nth(1).and_then(|w| w.split('<').next()).unwrap_or_default().to_owned();
            (word, attr(l, "xMax"), attr(l, "yMax"))
        })
        .collect()
}

/// The PDF/A-3a and PDF/UA-1 validator `page` (PyPI page-validation) in a virtual environment
/// under `.tools/`, made with python3's venv and pip on first use like the other tools there.
pub fn validator_python() -> PathBuf {
    const VALIDATOR: &str = "page-validation==0.11.0";
    let venv = workspace().join(".tools/pdf-validation");
    let python = venv.join("bin/python");
    let installed = Command::new(&python).args(["-c", "import page"]).output().is_ok_and(|o| o.status.success());
    if installed {
        return python;
    }
    let run = |cmd: &mut Command| {
        let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}; install python3 and python3-venv"));
        assert!(out.status.success(), "{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    };
    eprintln!("setting up {VALIDATOR} in {}", venv.display());
    run(Command::new("python3").arg("-m").arg("venv").arg(&venv));
    run(Command::new(venv.join("bin/pip")).args(["install", "--quiet", VALIDATOR]));
    python
}

/// Validates PDFs against PDF/A-3a and PDF/UA-1; fails naming every finding.
pub fn assert_conformant(files: &[PathBuf]) {
    let script = workspace().join("crates/bogen-pdf/tests/validate.py");
    let out = Command::new(validator_python()).arg(script).args(files).output().expect("validator runs");
    let report = String::from_utf8_lossy(&out.stdout);
    println!("{report}");
    assert!(out.status.success(), "{report}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(report.lines().filter(|l| l.ends_with(" 0 failed")).count(), files.len() * 2, "{report}");
}
