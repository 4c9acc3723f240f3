//! `bogen record`: wraps bare data in a record, so a case store can hand data that came from
//! elsewhere to anything that reads records. Only valid data becomes a record.

use std::path::Path;
use std::time::SystemTime;

use bogen_core::record::Record;

use crate::failure::Unusable;
use crate::output::{Exit, Output};
use crate::{catalogue, envelope, form, input, write};

pub struct Args<'a> {
    pub form: &'a str,
    pub data: &'a Path,
    pub output: Option<&'a Path>,
    /// Language of the messages.
    pub lang: &'a str,
    /// Language the data was filled in, stored in the record.
    pub record_lang: &'a str,
}

pub fn run(args: &Args, out: &Output) -> Result<Exit, Unusable> {
    let bundle = form::load(args.form, args.lang)?;
    // A record's language is one Bogen can show forms in: one with shared texts.
    catalogue::common_texts(args.record_lang)?;
    let data = input::read_json(args.data)?;
    if envelope::is_record(&data) {
        return Err(Unusable::file(args.data, "is a record already; `bogen record` wraps bare data"));
    }
    let errors = bundle.validate(&data);
    if !errors.is_empty() {
        out.errors(&errors)?;
        return Ok(Exit::Invalid);
    }
    let now = humantime::format_rfc3339_seconds(SystemTime::now()).to_string();
    let text = format!("{}\n", Record::new(&bundle, data, args.record_lang, &now).to_json());
    write::to(args.output, text.as_bytes(), out)?;
    Ok(Exit::Done)
}
