//! The one error type of the commands: input that cannot be judged at all (exit code 2), as
//! opposed to data that was judged and found invalid (exit code 1, a list of field errors).

use std::fmt;
use std::path::Path;

/// Why a command could not judge its input; the message is one English line and names the file
/// it concerns, so an import script's log says what to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    message: String,
}

impl Unusable {
    /// A problem with one file: `<file>: <what>`.
    pub fn file(path: &Path, what: impl fmt::Display) -> Unusable {
        Unusable::general(format!("{}: {what}", display_name(path)))
    }

    /// A problem that belongs to no file (an unknown language, a broken built-in form).
    pub fn general(message: impl Into<String>) -> Unusable {
        // One line, whatever the underlying error printed, so logs keep one entry per file.
        Unusable { message: message.into().replace(['\r', '\n'], " ") }
    }
}

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// How files are named in messages: as given, with `-` spelled out as standard input.
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}
