//! The fonts a PDF is set in: one family, regular and bold, embedded as subsets.
//!
//! Fonts are handed in as bytes so the browser can fetch them only when a PDF is made; the
//! command line uses the Noto Sans files compiled in with the `noto-sans` feature.

use std::sync::Arc;

use crate::error::PdfError;

/// Regular and bold cut of one family.
#[derive(Clone)]
pub struct Fonts {
    pub(crate) regular: Face,
    pub(crate) bold: Face,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts").finish_non_exhaustive()
    }
}

/// Which cut a piece of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// The bytes of a font file: owned (fetched) or compiled in.
type Bytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// One font: the bytes for shaping and the handle the PDF writer embeds.
#[derive(Clone)]
pub(crate) struct Face {
    pub(crate) data: Bytes,
    pub(crate) pdf: krilla::text::Font,
    pub(crate) units_per_em: f32,
    /// Ascender and descender (negative) in em, for line boxes.
    pub(crate) ascender: f32,
    pub(crate) descender: f32,
}

impl Face {
    fn new(data: Bytes, which: &'static str) -> Result<Face, PdfError> {
        let shaper = rustybuzz::Face::from_slice((*data).as_ref(), 0).ok_or(PdfError::Font(which))?;
        let units_per_em = shaper.units_per_em() as f32;
        let ascender = f32::from(shaper.ascender()) / units_per_em;
        let descender = f32::from(shaper.descender()) / units_per_em;
        let pdf = krilla::text::Font::new(krilla::Data::from(data.clone()), 0).ok_or(PdfError::Font(which))?;
        Ok(Face { data, pdf, units_per_em, ascender, descender })
    }

    /// A shaper over the font's bytes; cheap, made once per paragraph batch.
    pub(crate) fn shaper(&self) -> rustybuzz::Face<'_> {
        rustybuzz::Face::from_slice((*self.data).as_ref(), 0).expect("checked when the font was loaded")
    }
}

impl Fonts {
    /// Fonts from the bytes of two TrueType/OpenType files.
    pub fn from_ttf(regular: Vec<u8>, bold: Vec<u8>) -> Result<Fonts, PdfError> {
        Ok(Fonts { regular: Face::new(Arc::new(regular), "regular")?, bold: Face::new(Arc::new(bold), "bold")? })
    }

    /// Noto Sans Regular and Bold (SIL Open Font License 1.1, `fonts/OFL.txt`): Latin, Greek and
    /// Cyrillic, legally embeddable as PDF/A requires.
    #[cfg(feature = "noto-sans")]
    pub fn noto_sans() -> Fonts {
        static REGULAR: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");
        static BOLD: &[u8] = include_bytes!("../fonts/NotoSans-Bold.ttf");
        let face = |bytes: &'static [u8], which| Face::new(Arc::new(bytes), which).expect("Noto Sans is a font");
        Fonts { regular: face(REGULAR, "regular"), bold: face(BOLD, "bold") }
    }

    pub(crate) fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}
