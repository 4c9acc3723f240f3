//! Reading the files named on the command line, within the limits core sets for documents, so a
//! wrong path, a binary file or a gigabyte of JSON ends as a message naming the file.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use bogen_core::limits::{self, MAX_DOCUMENT_BYTES};
use serde_json::Value;

use crate::failure::Unusable;

/// The text of a file (`-` is standard input), refused when larger than a document may be or
/// not UTF-8. A leading byte order mark, which some Windows tools write, is dropped.
pub fn read_text(path: &Path) -> Result<String, Unusable> {
    let bytes = read_bytes(path, MAX_DOCUMENT_BYTES, "a document")?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = position(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
        Unusable::file(path, format!("not UTF-8 text at line {line}, column {column}"))
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// A file's JSON, within the size and depth limits; syntax errors give line and column.
pub fn read_json(path: &Path) -> Result<Value, Unusable> {
    let text = read_text(path)?;
    parse_json(path, &text)
}

pub fn parse_json(path: &Path, text: &str) -> Result<Value, Unusable> {
    limits::parse_json(text).map_err(|e| Unusable::file(path, e.to_string()))
}

/// The bytes of a file (`-` is standard input), refused when larger than `limit` bytes for
/// `what` the file should be.
pub fn read_bytes(path: &Path, limit: usize, what: &str) -> Result<Vec<u8>, Unusable> {
    let bytes = read_bounded(path, limit).map_err(|e| Unusable::file(path, io_reason(&e)))?;
    if bytes.len() > limit {
        return Err(Unusable::file(path, format!("larger than the limit of {limit} bytes for {what}")));
    }
    Ok(bytes)
}

/// Reads at most one byte more than `limit`, so an endless or huge input is refused without
/// being held in memory.
fn read_bounded(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    let limit = limit as u64 + 1;
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
    } else {
        let file = File::open(path)?;
        if file.metadata()?.is_dir() {
            return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory, not a file"));
        }
        file.take(limit).read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// The reason of an I/O error without the "(os error 2)" suffix meant for programmers.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(end) => text[..end].to_owned(),
                None => text,
            }
        }
    }
}

/// 1-based line and column of the byte just after `before`, columns counted in characters.
fn position(before: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(before);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        assert_eq!(position(b""), (1, 1));
        assert_eq!(position("{\n  \"ä".as_bytes()), (2, 5));
    }

    #[test]
    fn json_errors_name_line_and_column_once() {
        let e = limits::parse_json("{\n  \"a\": 1,\n  oops\n}").unwrap_err();
        assert_eq!(e.to_string(), "not valid JSON at line 3, column 3: key must be a string");
    }

    #[test]
    fn io_reasons_read_like_sentences() {
        assert_eq!(io_reason(&io::Error::from(io::ErrorKind::NotFound)), "no such file");
        let other = io::Error::other("disk on fire");
        assert_eq!(io_reason(&other), "disk on fire");
    }
}
