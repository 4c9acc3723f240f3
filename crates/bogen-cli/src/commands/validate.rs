//! `bogen validate`: the verdict a case store's import acts on. A record is checked against the
//! built-in form it names (or the one `--form` names); bare data against the form `--form` names.

use std::path::Path;

use bogen_core::record::{Record, RecordError};
use bogen_core::{FieldError, FormBundle};

use crate::envelope::{self, DATA};
use crate::failure::{display_name, Unusable};
use crate::output::{Exit, Output};
use crate::{catalogue, form, input};

pub fn run(file: &Path, form_arg: Option<&str>, lang: &str, out: &Output) -> Result<Exit, Unusable> {
    let text = input::read_text(file)?;
    let errors = match form_arg {
        None => record(file, &text, None, lang, out)?,
        Some(arg) => {
            let bundle = form::load(arg, lang)?;
            let document = input::parse_json(file, &text)?;
            if envelope::is_record(&document) {
                record(file, &text, Some(bundle), lang, out)?
            } else {
                bundle.validate(&document)
            }
        }
    };
    out.errors(&errors)?;
    Ok(if errors.is_empty() { Exit::Done } else { Exit::Invalid })
}

/// Checks a record's envelope and then its data; pointers are into the record, so data errors
/// start with `/data`. Without a form given, the record's own form id picks the built-in form.
fn record(
    file: &Path,
    text: &str,
    bundle: Option<FormBundle>,
    lang: &str,
    out: &Output,
) -> Result<Vec<FieldError>, Unusable> {
    let record = match Record::parse(text) {
        Ok(record) => record,
        Err(e) => {
            let common;
            let texts = match &bundle {
                Some(b) => &b.texts,
                None => {
                    common = catalogue::common_texts(lang)?;
                    &common
                }
            };
            return Ok(vec![envelope::judge(file, e, texts)?]);
        }
    };
    let bundle = match bundle {
        Some(b) => b,
        None => match catalogue::find(&record.form.id) {
            Some(built_in) => built_in.load(lang)?,
            None => {
                let unknown = RecordError::UnknownForm { found: record.form.id };
                return Err(Unusable::file(file, format!("{unknown} ({})", catalogue::ids())));
            }
        },
    };
    let notices = match record.check(&bundle) {
        Ok(notices) => notices,
        Err(e) => return Ok(vec![envelope::judge(file, e, &bundle.texts)?]),
    };
    for notice in &notices {
        out.warning(&format!("{}: {}", display_name(file), envelope::notice(&bundle.id, notice, &bundle.texts)));
    }
    for stale in envelope::stale_signatures(&record) {
        out.warning(&format!("{}: {stale}", display_name(file)));
    }
    let mut errors = bundle.validate(&record.data);
    for e in &mut errors {
        e.pointer.insert_str(0, DATA);
    }
    Ok(errors)
}
