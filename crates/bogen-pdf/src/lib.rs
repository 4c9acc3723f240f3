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
mod bilingual;
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

use bogen_core::{texts, FormBundle, Record};

pub use attachment::{extract, RECORD_FILE};
pub use error::PdfError;
pub use fonts::Fonts;
pub use template::{Block, Column, EachSpec, ListSpec, Margins, PageSize, PageSpec, TableSpec, Template, TypeScale};

use crate::frame::{Frame, FrameTexts};
use crate::wording::Wording;
use crate::wrap::Typesetter;

/// The PDF of a record: PDF/A-3a and PDF/UA-1, the record attached as `record.json`.
///
/// `bundle` is the form in the record's language; the PDF is in that language alone. See
/// [`render_bilingual`] for German beside the participant's language.
///
/// Deterministic: the same record, form, template and fonts give the same bytes (the
/// document's date is the record's `modified`).
pub fn render(record: &Record, bundle: &FormBundle, template: &Template, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    render_bilingual(record, bundle, None, template, fonts)
}

/// The PDF of a record, bilingual where the template asks for it (`"bilingual": true`) and
/// `bundle` (the form in the record's language) is not German: then `german`, the same form in
/// German, gives the binding German text and `bundle` its translation (see `bilingual.rs`);
/// the document's language is German, the translation is tagged with its own. Otherwise the
/// same as [`render`].
pub fn render_bilingual(
    record: &Record,
    bundle: &FormBundle,
    german: Option<&FormBundle>,
    template: &Template,
    fonts: &Fonts,
) -> Result<Vec<u8>, PdfError> {
    for other in std::iter::once(bundle).chain(german) {
        if record.form.id != other.id {
            return Err(PdfError::FormMismatch {
                record: record.form.id.clone(),
                what: "the form",
                other: other.id.clone(),
            });
        }
    }
    // The attached record must import again: a PDF never carries data its digest denies.
    if bogen_core::canonical::digest(&record.data) != record.data_hash {
        return Err(PdfError::Record(bogen_core::RecordError::Digest));
    }
    template.check(bundle)?;
    let translated_lang = bundle.texts.lang.as_str();
    let german = german.filter(|_| template.bilingual && translated_lang != wording::TEMPLATE_LANG);
    let translated_wording = Wording::new(&bundle.texts.ui, &template.texts, translated_lang);
    let translated_rtl = texts::is_right_to_left(translated_lang);
    let (bundle, wording, lang, rtl, composition) = match german {
        Some(german) => {
            let wording = Wording::new(&german.texts.ui, &template.texts, wording::TEMPLATE_LANG);
            let translation =
                bilingual::Translation { lang: translated_lang, rtl: translated_rtl, wording: &translated_wording };
            let composition = bilingual::join(
                compose::compose(record, german, template, &wording),
                &wording,
                compose::compose(record, bundle, template, &translated_wording),
                translation,
            );
            (german, wording, wording::TEMPLATE_LANG, false, composition)
        }
        None => {
            let composition = compose::compose(record, bundle, template, &translated_wording);
            (bundle, translated_wording, record.lang.as_str(), translated_rtl, composition)
        }
    };
    let set = Typesetter::new(fonts);
    let scale = &template.type_scale;
    let frame = Frame::new(&template.page, scale);
    let laid = layout::lay_out(&composition, &set, scale, frame.area(), rtl);

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
        rtl,
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
        metadata: metadata::metadata(&composition.title, lang, modified, document_id),
        attachment: attachment::record_file(record, modified, wording.get("attachment").to_owned()),
        lang,
    })
}
