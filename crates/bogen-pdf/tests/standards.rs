//! PDF/A-3a and PDF/UA-1 checked by an independent validator: `page` (PyPI page-validation),
//! in a virtual environment under `.tools/`, set up on first use like the other tools there.

mod support;

use std::path::PathBuf;
use std::process::Command;

use bogen_pdf::{render, Fonts, Template};
use support::*;

const VALIDATOR: &str = "page-validation==0.11.0";

/// The virtual environment's Python with `page` installed; made with python3's venv and pip
/// when missing.
fn validator_python() -> PathBuf {
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
    let script = workspace().join("crates/bogen-pdf/tests/validate.py");
    let out = Command::new(validator_python()).arg(script).args(&files).output().expect("validator runs");
    let report = String::from_utf8_lossy(&out.stdout);
    println!("{report}");
    assert!(out.status.success(), "{report}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(report.lines().filter(|l| l.ends_with(" 0 failed")).count(), files.len() * 2, "{report}");
}
