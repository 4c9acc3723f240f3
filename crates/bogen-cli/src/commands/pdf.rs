//! `bogen pdf`: the participant's copy of a record, laid out for reading, with the record
//! attached so that the PDF alone can be imported again. Only a valid record becomes a PDF: a
//! participant must not be handed a document of data the form refuses.

use std::path::Path;

use bogen_pdf::{Fonts, PdfError, Template};

use crate::failure::{display_name, Unusable};
use crate::output::{Exit, Output};
use crate::{catalogue, checked, envelope, input, write};

pub struct Args<'a> {
    pub record: &'a Path,
    pub output: &'a Path,
    pub template: Option<&'a Path>,
    /// Language of the messages; the PDF is in the record's language.
    pub lang: &'a str,
}

pub fn run(args: &Args, out: &Output) -> Result<Exit, Unusable> {
    let text = input::read_text(args.record)?;
    if !envelope::is_record(&input::parse_json(args.record, &text)?) {
        return Err(Unusable::file(
            args.record,
            "not a Bogen record; make one from bare data with `bogen record --form <id>` first",
        ));
    }
    let valid = match checked::text(args.record, &text, None, args.lang, out)? {
        Ok(valid) => valid,
        Err(errors) => {
            out.errors(&errors)?;
            return Ok(Exit::Invalid);
        }
    };
    let record = &valid.record;
    let template = template(args.template, &record.form.id)?;
    // The participant reads the PDF in the language the form was filled in, whatever language
    // the administrator's messages are in.
    let lang = layout_lang(&record.lang);
    let bundle = if lang == args.lang { valid.bundle } else { checked::built_in(args.record, &record.form.id, lang)? };
    // Forms whose layout is bilingual show the binding German text beside the translation.
    let german = if lang == crate::RECORD_LANG {
        None
    } else {
        Some(checked::built_in(args.record, &record.form.id, crate::RECORD_LANG)?)
    };
    let fonts = Fonts::noto_sans();
    let pdf = bogen_pdf::render_bilingual(record, &bundle, german.as_ref(), &template, &fonts).map_err(|e| {
        match (args.template, e) {
            (Some(path), PdfError::Template { reason, .. }) => {
                Unusable::file(path, format!("does not fit form {}: {reason}", bundle.id))
            }
            (Some(path), e @ PdfError::FormMismatch { .. }) => Unusable::file(path, e),
            (_, e) => Unusable::file(args.record, format!("cannot make a PDF: {e}")),
        }
    })?;
    write::to(Some(args.output), &pdf, out)?;
    Ok(Exit::Done)
}

/// The layout file `--template` names, or the form's built-in layout.
fn template(path: Option<&Path>, form: &str) -> Result<Template, Unusable> {
    let Some(path) = path else {
        return Template::for_form(form)
            .map_err(|e| Unusable::general(format!("built-in layout of form {form} is broken: {e}")));
    };
    let text = input::read_text(path)?;
    Template::from_json(&display_name(path), &text).map_err(|e| match e {
        PdfError::Template { reason, .. } => Unusable::file(path, format!("not a usable layout template: {reason}")),
        e => Unusable::file(path, e),
    })
}

/// A record in a language without texts is still laid out, in the language forms are written in.
fn layout_lang(record_lang: &str) -> &str {
    if catalogue::languages().contains(&record_lang) {
        record_lang
    } else {
        crate::RECORD_LANG
    }
}
