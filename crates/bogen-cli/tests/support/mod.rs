//! Running the built `bogen` on files, as an import script would.

#![allow(dead_code)] // each test binary uses its own part of the helpers

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of `bogen` gave.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The stdout as JSON; fails the test with the whole run when it is not.
    pub fn json(&self) -> serde_json::Value {
        match serde_json::from_str(&self.stdout) {
            Ok(v) => v,
            Err(e) => panic!("stdout is not JSON ({e}): {self:?}"),
        }
    }

    /// The `<pointer>: <message>` lines, split.
    pub fn errors(&self) -> Vec<(String, String)> {
        self.stdout
            .lines()
            .map(|l| match l.split_once(": ") {
                Some((p, m)) => (p.to_owned(), m.to_owned()),
                None => panic!("not a `<pointer>: <message>` line: {l:?} in {self:?}"),
            })
            .collect()
    }
}

pub fn bogen<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    bogen_with_input(args, None)
}

/// Runs `bogen` with `input` on its standard input.
pub fn bogen_with_input<S: AsRef<std::ffi::OsStr>>(args: &[S], input: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bogen"))
        .args(args)
        .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bogen starts");
    if let Some(bytes) = input {
        // bogen may stop reading early (too large); a broken pipe here is then expected.
        let _ = child.stdin.take().expect("stdin is piped").write_all(bytes);
    }
    let out = child.wait_with_output().expect("bogen runs to the end");
    Run {
        code: out.status.code().unwrap_or_else(|| panic!("bogen was killed by a signal: {out:?}")),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A file of the test fixtures.
pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).display().to_string()
}

/// The workspace's `forms/` folder, which the built-in forms are compiled from.
pub fn forms_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../forms")
}

/// Writes `contents` to `name` in `dir` and returns the path as an argument.
pub fn write(dir: &tempfile::TempDir, name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, contents).expect("temp file is written");
    path.display().to_string()
}

pub fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The fixture form's schema, valid and invalid data.
pub const SCHEMA: &str = "kontakt.schema.json";
pub const VALID: &str = "kontakt.valid.json";
pub const INVALID: &str = "kontakt.invalid.json";

/// A shared text of a language, filled in, so tests follow the texts when they are reworded.
pub fn common_message(lang: &str, keyword: &str, values: &[(&str, &str)]) -> String {
    let path = forms_dir().join("common/i18n").join(format!("{lang}.json"));
    let texts: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("shared texts exist")).expect("shared texts parse");
    let mut message = texts["errors"][keyword].as_str().expect("message for keyword").to_owned();
    for (name, value) in values {
        message = message.replace(&format!("{{{name}}}"), value);
    }
    message
}

/// An interface text of the shared texts, if the language has it.
pub fn common_ui(lang: &str, key: &str) -> Option<String> {
    let path = forms_dir().join("common/i18n").join(format!("{lang}.json"));
    let texts: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).ok()?).expect("shared texts parse");
    texts["ui"][key].as_str().map(str::to_owned)
}
