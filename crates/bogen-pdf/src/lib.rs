//! PDF for the participant: a record laid out by a template, fonts embedded, the record attached.
//!
//! The crate depends on `bogen-core` only, never on the browser crate, so the same PDF comes
//! out of the command line and out of the browser's lazily loaded PDF module. No I/O: the
//! record, its form, the layout template and the fonts are handed in; bytes come out.
//!
//! ```no_run
//! # fn demo(record: &bogen_core::Record, bundle: &bogen_core::FormBundle) -> Result<(), bogen_pdf::PdfError> {
//! let template = bogen_pdf::Template::for_form(&bundle.id)?;
//! let pdf = bogen_pdf::render(record, bundle, &template, &bogen_pdf::Fonts::noto_sans())?;
//! assert_eq!(&bogen_pdf::extract(&pdf)?, record);
//! # Ok(()) }
//! ```

mod attachment;
mod compose;
mod emit;
mod error;
mod fonts;
mod frame;
mod layout;
mod metadata;
mod model;
mod structure;
mod template;
mod templates;
mod values;
#[cfg(feature = "wasm")]
mod wasm;
mod wording;
mod wrap;

use bogen_core::{FormBundle, Record};

pub use attachment::{extract, RECORD_FILE};
pub use error::PdfError;
pub use fonts::Fonts;
pub use template::{Block, Column, EachSpec, ListSpec, Margins, PageSize, PageSpec, TableSpec, Template, TypeScale};

use crate::frame::{Frame, FrameTexts};
use crate::wording::Wording;
use crate::wrap::Typesetter;

/// The PDF of a record: PDF/A-3a and PDF/UA-1, the record attached as `record.json`.
///
/// Deterministic: the same record, form, template and fonts give the same bytes (the
/// document's date is the record's `modified`).
pub fn render(record: &Record, bundle: &FormBundle, template: &Template, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    if record.form.id != bundle.id {
        return Err(PdfError::FormMismatch {
            record: record.form.id.clone(),
            what: "the form",
            other: bundle.id.clone(),
        });
    }
    // The attached record must import again: a PDF never carries data its digest denies.
    if bogen_core::canonical::digest(&record.data) != record.data_hash {
        return Err(PdfError::Record(bogen_core::RecordError::Digest));
    }
    template.check(bundle)?;
    let wording = Wording::new(&bundle.texts.ui, &template.texts);
    let composition = compose::compose(record, bundle, template, &wording);
    let set = Typesetter::new(fonts);
    let scale = &template.type_scale;
    let frame = Frame::new(&template.page, scale);
    let laid = layout::lay_out(&composition, &set, scale, frame.area());

    let texts = FrameTexts {
        traeger: composition.traeger.as_deref(),
        title: &composition.title,
        footer: wording.fill(
            "footer",
            &[
                ("form", bundle.title()),
                ("formId", &record.form.id),
                ("version", &record.form.version),
                ("digest", &record.data_hash),
            ],
        ),
    };
    let pages = laid.pages.len();
    let frames = (1..=pages)
        .map(|n| emit::PageFrame {
            header: frame.header(&set, scale, &texts),
            footer: frame.footer(&set, scale, &wording, &texts, n, pages),
        })
        .collect();

    let modified = metadata::date_time(&record.modified)?;
    let document_id = format!("{}:{}:{}", record.form.id, record.created, record.data_hash);
    emit::emit(emit::Output {
        laid,
        frames,
        size: (frame.width, frame.height),
        fonts,
        metadata: metadata::metadata(&composition.title, &record.lang, modified, document_id),
        attachment: attachment::record_file(record, modified, wording.get("attachment").to_owned()),
        lang: &record.lang,
    })
}
