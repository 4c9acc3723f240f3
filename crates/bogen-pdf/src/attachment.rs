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

/// The record attached to a PDF, checked against its digest.
pub fn extract(pdf: &[u8]) -> Result<Record, PdfError> {
    if !pdf.starts_with(b"%PDF-") {
        return Err(PdfError::NoRecord("not a PDF file".into()));
    }
    let mut found_files = 0;
    let mut from = 0;
    while let Some(at) = find(&pdf[from..], b"/EmbeddedFile").map(|i| i + from) {
        from = at + 1;
        let Some(stream) = embedded_stream(pdf, at) else { continue };
        found_files += 1;
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

/// The decoded data of the stream whose dictionary holds `/Type /EmbeddedFile` at `at`.
fn embedded_stream(pdf: &[u8], at: usize) -> Option<Vec<u8>> {
    let dict_start = rfind(&pdf[..at], b"obj")?;
    let dict_end = at + find(&pdf[at..], b"stream")?;
    let dict = &pdf[dict_start..dict_end];
    let dict_text = String::from_utf8_lossy(dict);
    let normalised: String = dict_text.split_whitespace().collect::<Vec<_>>().join(" ").replace("/Type/", "/Type /");
    if !normalised.contains("/Type /EmbeddedFile") || dict_text.contains("endobj") {
        return None;
    }
    let mut start = dict_end + b"stream".len();
    if pdf.get(start) == Some(&b'\r') {
        start += 1;
    }
    if pdf.get(start) == Some(&b'\n') {
        start += 1;
    }
    // The zlib stream ends by itself; the line end before `endstream` is not data.
    let end = start + find(&pdf[start..], b"endstream")?;
    let raw = &pdf[start..end];
    if normalised.contains("/Filter /FlateDecode") || normalised.contains("/Filter/FlateDecode") {
        let mut out = Vec::new();
        let limit = MAX_DOCUMENT_BYTES as u64 + 1;
        flate2::read::ZlibDecoder::new(raw).take(limit).read_to_end(&mut out).ok()?;
        Some(out)
    } else if normalised.contains("/Filter") {
        None
    } else {
        let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
        Some(raw.strip_suffix(b"\r").unwrap_or(raw).to_vec())
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}
