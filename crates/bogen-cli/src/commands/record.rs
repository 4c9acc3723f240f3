//! `bogen record`: wraps bare data in a record, so a case store can hand data that came from
//! elsewhere to anything that reads records. Only valid data becomes a record.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use bogen_core::record::Record;

use crate::failure::Unusable;
use crate::output::{Exit, Output};
use crate::{catalogue, envelope, form, input};

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
    match args.output {
        Some(path) if path != Path::new("-") => write_whole(path, &text)?,
        _ => out.stdout(&text)?,
    }
    Ok(Exit::Done)
}

/// Writes through a temporary file beside the target and renames it, so an import never sees
/// half a record, and a failed run leaves an existing file as it was.
fn write_whole(path: &Path, text: &str) -> Result<(), Unusable> {
    let fail = |e: std::io::Error| Unusable::file(path, format!("cannot write: {}", input::io_reason(&e)));
    let name = path.file_name().ok_or_else(|| Unusable::file(path, "is not a file name"))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp: PathBuf = path.with_file_name(temp_name);
    let written = fs::File::create(&temp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| fs::rename(&temp, path)) {
        let _ = fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}
