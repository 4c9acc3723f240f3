//! Why no PDF could be made or no record read from one.

use bogen_core::RecordError;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    /// The layout template cannot be read or names fields the form does not have.
    #[error("template {template}: {reason}")]
    Template { template: String, reason: String },
    /// The record belongs to another form than the bundle or the template.
    #[error("record is for form {record:?}, but {what} is for {other:?}")]
    FormMismatch { record: String, what: &'static str, other: String },
    /// A font file is not a usable TrueType/OpenType font.
    #[error("font {0}: not a usable TrueType or OpenType font")]
    Font(&'static str),
    /// The fonts have no glyph for some text; PDF/A forbids drawing a placeholder box.
    #[error("the fonts have no glyphs for {0:?}")]
    MissingGlyphs(String),
    /// The PDF would break PDF/A-3a or PDF/UA-1; each entry names one rule.
    #[error("the PDF would not conform to PDF/A-3a and PDF/UA-1: {}", .0.join("; "))]
    Conformance(Vec<String>),
    /// Anything else the PDF library refused.
    #[error("PDF: {0}")]
    Pdf(String),
    /// The file is no PDF made by Bogen: no embedded `record.json` was found.
    #[error("no embedded record.json found: {0}")]
    NoRecord(String),
    /// The embedded record is there but not importable (changed data, unknown format, …).
    #[error("embedded record.json: {0}")]
    Record(#[from] RecordError),
}
