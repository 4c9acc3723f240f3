//! `bogen validate`: the verdict a case store's import acts on. A record is checked against the
//! built-in form it names (or the one `--form` names); bare data against the form `--form` names.

use std::path::Path;

use crate::failure::Unusable;
use crate::output::{Exit, Output};
use crate::{checked, envelope, form, input};

pub fn run(file: &Path, form_arg: Option<&str>, lang: &str, out: &Output) -> Result<Exit, Unusable> {
    let text = input::read_text(file)?;
    let verdict = match form_arg {
        None => checked::text(file, &text, None, lang, out)?.map(drop),
        Some(arg) => {
            let bundle = form::load(arg, lang)?;
            let document = input::parse_json(file, &text)?;
            if envelope::is_record(&document) {
                checked::text(file, &text, Some(bundle), lang, out)?.map(drop)
            } else {
                let errors = bundle.validate(&document);
                if errors.is_empty() {
                    Ok(())
                } else {
                    Err(errors)
                }
            }
        }
    };
    let errors = verdict.err().unwrap_or_default();
    out.errors(&errors)?;
    Ok(if errors.is_empty() { Exit::Done } else { Exit::Invalid })
}
