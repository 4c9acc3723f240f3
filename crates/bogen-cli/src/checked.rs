//! The checks a record passes before anything acts on it — envelope, form, data — shared by
//! `validate`, `pdf` and `extract`, so a record that one command accepts the others accept too.

use std::path::Path;

use bogen_core::record::{Record, RecordError};
use bogen_core::{FieldError, FormBundle};

use crate::catalogue;
use crate::envelope::{self, DATA};
use crate::failure::{display_name, Unusable};
use crate::output::Output;

/// A record that passed every check, with the form (in the messages' language) it passed.
pub struct Valid {
    pub record: Record,
    pub bundle: FormBundle,
}

/// The verdict on a record: `Err` holds the errors that make it invalid (exit code 1).
pub type Verdict = Result<Valid, Vec<FieldError>>;

/// Checks a record file's text. Without a form given, the record's own form id picks the
/// built-in form.
pub fn text(
    file: &Path,
    text: &str,
    bundle: Option<FormBundle>,
    lang: &str,
    out: &Output,
) -> Result<Verdict, Unusable> {
    match Record::parse(text) {
        Ok(record) => record_with(file, record, bundle, lang, out),
        Err(e) => {
            let texts = match &bundle {
                Some(b) => b.texts.clone(),
                None => catalogue::common_texts(lang)?,
            };
            Ok(Err(vec![envelope::judge(file, e, &texts)?]))
        }
    }
}

/// Checks a record whose envelope has been read: its form, then its data. Errors point into
/// the record, so data errors start with `/data`; notices and signatures that do not cover the
/// data become warnings.
pub fn record_with(
    file: &Path,
    record: Record,
    bundle: Option<FormBundle>,
    lang: &str,
    out: &Output,
) -> Result<Verdict, Unusable> {
    let bundle = match bundle {
        Some(b) => b,
        None => built_in(file, &record.form.id, lang)?,
    };
    let notices = match record.check(&bundle) {
        Ok(notices) => notices,
        Err(e) => return Ok(Err(vec![envelope::judge(file, e, &bundle.texts)?])),
    };
    for notice in &notices {
        out.warning(&format!("{}: {}", display_name(file), envelope::notice(&bundle.id, notice, &bundle.texts)));
    }
    for stale in envelope::stale_signatures(&record) {
        out.warning(&format!("{}: {stale}", display_name(file)));
    }
    let mut errors = bundle.validate(&record.data);
    if errors.is_empty() {
        return Ok(Ok(Valid { record, bundle }));
    }
    for e in &mut errors {
        e.pointer.insert_str(0, DATA);
    }
    Ok(Err(errors))
}

/// The built-in form a record names; a form that is not built in cannot be judged here.
pub fn built_in(file: &Path, id: &str, lang: &str) -> Result<FormBundle, Unusable> {
    match catalogue::find(id) {
        Some(form) => form.load(lang),
        None => {
            let unknown = RecordError::UnknownForm { found: id.to_owned() };
            Err(Unusable::file(file, format!("{unknown} ({})", catalogue::ids())))
        }
    }
}
