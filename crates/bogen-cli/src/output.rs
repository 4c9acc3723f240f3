//! Everything `bogen` prints. Results go to standard output, in lines for people and shell
//! scripts or, with `--json`, as JSON for programs; warnings and the reason for exit code 2 go to
//! standard error, so a script can capture the one without the other.

use std::io::{self, Write};

use bogen_core::FieldError;
use serde_json::{json, Value};

use crate::failure::Unusable;

/// The exit codes, documented in `--help` and docs/cli.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The data is valid, or the command did what it was asked.
    Done = 0,
    /// The data or record was judged and is invalid.
    Invalid = 1,
    /// The input could not be judged.
    Unusable = 2,
}

/// Where and how results are printed.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub json: bool,
}

impl Output {
    /// Field errors: `<pointer>: <message>` per line, or a JSON array (empty when valid, so a
    /// program can always parse what it gets).
    pub fn errors(&self, errors: &[FieldError]) -> Result<(), Unusable> {
        if self.json {
            let list: Vec<Value> = errors.iter().map(|e| json!({"pointer": e.pointer, "message": e.message})).collect();
            return self.json_value(&Value::Array(list));
        }
        let mut text = String::new();
        for e in errors {
            text.push_str(&format!("{}: {}\n", e.pointer, one_line(&e.message)));
        }
        self.stdout(&text)
    }

    /// A JSON value, pretty, on standard output.
    pub fn json_value(&self, value: &Value) -> Result<(), Unusable> {
        let text =
            serde_json::to_string_pretty(value).map_err(|e| Unusable::general(format!("cannot print JSON: {e}")))?;
        self.stdout(&format!("{text}\n"))
    }

    /// Text as it is on standard output. A closed pipe or full disk is a failure of the run, not a
    /// crash: the caller turns it into exit code 2.
    pub fn stdout(&self, text: &str) -> Result<(), Unusable> {
        self.stdout_bytes(text.as_bytes())
    }

    /// Bytes as they are on standard output: a PDF for a pipe.
    pub fn stdout_bytes(&self, bytes: &[u8]) -> Result<(), Unusable> {
        let mut out = io::stdout().lock();
        out.write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| Unusable::general(format!("cannot write to standard output: {e}")))
    }

    /// A warning on standard error; the verdict is unchanged.
    pub fn warning(&self, text: &str) {
        let _ = writeln!(io::stderr().lock(), "warning: {}", one_line(text));
    }

    /// The reason for exit code 2: one line on standard error and, with `--json`, a JSON object
    /// `{"error": …}` on standard output.
    pub fn unusable(&self, e: &Unusable) {
        let _ = writeln!(io::stderr().lock(), "error: {e}");
        if self.json {
            let _ = self.json_value(&json!({ "error": e.to_string() }));
        }
    }
}

/// Messages come from editable text files; one result per line must hold whatever they say.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}
