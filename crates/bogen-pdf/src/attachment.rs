//! The record inside the PDF: attached as `record.json` (an associated file with relationship
//! Data), so the printed document alone carries its data and can be imported again.
//!
//! Reading it back needs no general PDF parser: an embedded file is always a stream object
//! of its own (never inside an object stream), so the file is scanned for streams of type
//! `EmbeddedFile`, each is inflated, and the one that is a Bogen record is taken.

use std::io::Read;

use bogen_core::limits::MAX_DOCUMENT_BYTES;
use bogen_core::record::FORMAT;
use bogen_core::{Record, RecordError};
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::metadata::DateTime;

use crate::error::PdfError;

/// Name of the attached file.
pub const RECORD_FILE: &str = "record.json";

pub(crate) fn record_file(record: &Record, modified: DateTime, description: String) -> EmbeddedFile {
    EmbeddedFile {
        path: RECORD_FILE.to_owned(),
        mime_type: MimeType::new("application/json"),
        description: Some(description),
        association_kind: AssociationKind::Data,
        data: record.to_json().into_bytes().into(),
        modification_date: Some(modified),
        compress: Some(true),
        location: None,
    }
}

/// Longest stream dictionary read. The dictionary of an attached file is a few hundred bytes.
const MAX_DICTIONARY_BYTES: usize = 4096;

/// How much attached data is inflated in all before giving up: the record itself may be as
/// large as a document, and a few other attachments beside it are fine, but a file of many
/// small streams that each inflate to megabytes (a "zip bomb") is not read to the end.
const MAX_INFLATED_BYTES: usize = 2 * MAX_DOCUMENT_BYTES;

/// The record attached to a PDF, checked against its digest.
///
/// The file is scanned once from front to back: after a stream is read, the scan goes on behind
/// its end, so the time taken grows with the file's size, whatever the file holds.
pub fn extract(pdf: &[u8]) -> Result<Record, PdfError> {
    if !pdf.starts_with(b"%PDF-") {
        return Err(PdfError::NoRecord("not a PDF file".into()));
    }
    let mut found_files = 0;
    let mut inflated = 0;
    let mut from = 0;
    let mut marks = Marks::default();
    while let Some(at) = find(&pdf[from..], b"/EmbeddedFile").map(|i| i + from) {
        from = at + b"/EmbeddedFile".len();
        let stream = match embedded_stream(pdf, at, &mut marks) {
            Stream::NotHere => continue,
            Stream::Unterminated => break,
            Stream::Unreadable { end } => {
                found_files += 1;
                from = end;
                continue;
            }
            Stream::Data { bytes, end } => {
                from = end;
                bytes
            }
        };
        found_files += 1;
        inflated += stream.len();
        if inflated > MAX_INFLATED_BYTES {
            return Err(PdfError::NoRecord(format!(
                "its attached files hold more than {MAX_INFLATED_BYTES} bytes, more than a Bogen PDF carries"
            )));
        }
        let text = match String::from_utf8(stream) {
            Ok(text) => text,
            Err(_) => continue,
        };
        match Record::parse(&text) {
            Ok(record) => return Ok(record),
            Err(RecordError::Format { .. }) | Err(RecordError::Json(_)) if !text.contains(FORMAT) => continue,
            Err(e) => return Err(PdfError::Record(e)),
        }
    }
    Err(PdfError::NoRecord(if found_files == 0 {
        "the PDF has no attached files".into()
    } else {
        format!("none of its {found_files} attached files is a Bogen record")
    }))
}

/// What was found at an occurrence of `/EmbeddedFile`.
enum Stream {
    /// Not the dictionary of a stream of type EmbeddedFile (a reference to one, say).
    NotHere,
    /// A stream that never ends: no stream after it can end either.
    Unterminated,
    /// An attached file in an encoding not read here, or damaged; `end` is behind it.
    Unreadable { end: usize },
    /// The decoded data of an attached file; `end` is behind its stream.
    Data { bytes: Vec<u8>, end: usize },
}

/// Where the nearest `obj` before and `stream` after the current position are. Both only move
/// forward as the scan does, so a file holding the words many times is still read in one pass.
#[derive(Default)]
struct Marks {
    /// The last `obj` found, and how far the file has been searched for one.
    obj: Option<usize>,
    obj_searched: usize,
    /// The next `stream` at or after the last position asked about; `None` once there is none.
    stream: Option<Option<usize>>,
}

impl Marks {
    fn obj_before(&mut self, pdf: &[u8], at: usize) -> Option<usize> {
        while let Some(i) = find(&pdf[self.obj_searched..at], b"obj") {
            self.obj = Some(self.obj_searched + i);
            self.obj_searched += i + 1;
        }
        self.obj_searched = self.obj_searched.max(at.saturating_sub(2));
        self.obj
    }

    fn stream_after(&mut self, pdf: &[u8], at: usize) -> Option<usize> {
        match self.stream {
            Some(Some(s)) if s >= at => Some(s),
            Some(None) => None,
            _ => {
                let next = find(&pdf[at..], b"stream").map(|i| i + at);
                self.stream = Some(next);
                next
            }
        }
    }
}

/// The stream whose dictionary holds `/Type /EmbeddedFile` at `at`.
fn embedded_stream(pdf: &[u8], at: usize, marks: &mut Marks) -> Stream {
    let Some(dict_end) = marks.stream_after(pdf, at) else { return Stream::Unterminated };
    let Some(dict_start) = marks.obj_before(pdf, at) else { return Stream::NotHere };
    if dict_end - dict_start > MAX_DICTIONARY_BYTES {
        return Stream::NotHere;
    }
    let dict = &pdf[dict_start..dict_end];
    let dict_text = String::from_utf8_lossy(dict);
    let normalised: String = dict_text.split_whitespace().collect::<Vec<_>>().join(" ").replace("/Type/", "/Type /");
    if !normalised.contains("/Type /EmbeddedFile") || dict_text.contains("endobj") {
        return Stream::NotHere;
    }
    let mut start = dict_end + b"stream".len();
    if pdf.get(start) == Some(&b'\r') {
        start += 1;
    }
    if pdf.get(start) == Some(&b'\n') {
        start += 1;
    }
    // The zlib stream ends by itself; the line end before `endstream` is not data.
    let Some(end) = pdf.get(start..).and_then(|rest| find(rest, b"endstream")).map(|i| i + start) else {
        return Stream::Unterminated;
    };
    let raw = &pdf[start..end];
    let behind = end + b"endstream".len();
    if normalised.contains("/Filter /FlateDecode") || normalised.contains("/Filter/FlateDecode") {
        let mut out = Vec::new();
        let limit = MAX_DOCUMENT_BYTES as u64 + 1;
        match flate2::read::ZlibDecoder::new(raw).take(limit).read_to_end(&mut out) {
            Ok(_) => Stream::Data { bytes: out, end: behind },
            Err(_) => Stream::Unreadable { end: behind },
        }
    } else if normalised.contains("/Filter") {
        Stream::Unreadable { end: behind }
    } else {
        let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
        Stream::Data { bytes: raw.strip_suffix(b"\r").unwrap_or(raw).to_vec(), end: behind }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
