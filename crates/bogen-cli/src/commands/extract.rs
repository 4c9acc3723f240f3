//! `bogen extract`: the record inside a participant's PDF, so a PDF that comes back (by mail,
//! on a stick) can be imported like a record file. The record is checked as `validate` checks
//! one, and only a valid record is written.

use std::path::Path;

use bogen_pdf::PdfError;

use crate::failure::Unusable;
use crate::output::{Exit, Output};
use crate::{catalogue, checked, envelope, input, write};

/// A PDF carries fonts and pages besides the record, so it may be larger than a document; the
/// limit still keeps a wrong file from being read into memory whole.
pub const MAX_PDF_BYTES: usize = 64 * 1024 * 1024;

pub fn run(file: &Path, output: Option<&Path>, lang: &str, out: &Output) -> Result<Exit, Unusable> {
    let bytes = input::read_bytes(file, MAX_PDF_BYTES, "a PDF")?;
    let record = match bogen_pdf::extract(&bytes) {
        Ok(record) => record,
        // A changed record is the record's fault, reported as `validate` reports it.
        Err(PdfError::Record(e)) => {
            let error = envelope::judge(file, e, &catalogue::common_texts(lang)?)?;
            out.errors(&[error])?;
            return Ok(Exit::Invalid);
        }
        Err(PdfError::NoRecord(reason)) => {
            return Err(Unusable::file(file, format!("no Bogen record can be read from it: {reason}")))
        }
        Err(e) => return Err(Unusable::file(file, e)),
    };
    match checked::record_with(file, record, None, lang, out)? {
        Ok(valid) => {
            write::to(output, format!("{}\n", valid.record.to_json()).as_bytes(), out)?;
            Ok(Exit::Done)
        }
        Err(errors) => {
            out.errors(&errors)?;
            Ok(Exit::Invalid)
        }
    }
}
