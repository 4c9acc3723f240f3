//! The fonts a PDF is set in: Noto Sans (Latin, Greek, Cyrillic) and, for Arabic and Persian,
//! Noto Naskh Arabic, each regular and bold, embedded as subsets.
//!
//! Fonts are handed in as bytes so the browser can fetch them only when a PDF is made (the Arabic
//! ones only for a record that needs them); the command line uses the files compiled in with the
//! `noto-sans` feature. A font that no page uses is not embedded, so a PDF without Arabic text is
//! the same with or without the Arabic fonts loaded.

use std::sync::Arc;

use crate::error::PdfError;

/// Regular and bold cut of the main family, and of the Arabic one where loaded.
#[derive(Clone)]
pub struct Fonts {
    pub(crate) regular: Face,
    pub(crate) bold: Face,
    pub(crate) arabic: Option<[Face; 2]>,
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

/// Which family a piece of text is set in: the main one, or the Arabic one for Arabic script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    Main,
    Arabic,
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
        Ok(Fonts {
            regular: Face::new(Arc::new(regular), "regular")?,
            bold: Face::new(Arc::new(bold), "bold")?,
            arabic: None,
        })
    }

    /// The same fonts with a regular and bold Arabic font for Arabic script.
    pub fn with_arabic(self, regular: Vec<u8>, bold: Vec<u8>) -> Result<Fonts, PdfError> {
        let arabic = [Face::new(Arc::new(regular), "Arabic regular")?, Face::new(Arc::new(bold), "Arabic bold")?];
        Ok(Fonts { arabic: Some(arabic), ..self })
    }

    /// Noto Sans Regular and Bold (Latin, Greek and Cyrillic) with Noto Naskh Arabic Regular and
    /// Bold (Arabic and Persian); SIL Open Font License 1.1 (`fonts/OFL.txt`), legally embeddable
    /// as PDF/A requires.
    #[cfg(feature = "noto-sans")]
    pub fn noto_sans() -> Fonts {
        static REGULAR: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");
        static BOLD: &[u8] = include_bytes!("../fonts/NotoSans-Bold.ttf");
        static ARABIC_REGULAR: &[u8] = include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf");
        static ARABIC_BOLD: &[u8] = include_bytes!("../fonts/NotoNaskhArabic-Bold.ttf");
        let face = |bytes: &'static [u8], which| Face::new(Arc::new(bytes), which).expect("a Noto font");
        Fonts {
            regular: face(REGULAR, "regular"),
            bold: face(BOLD, "bold"),
            arabic: Some([face(ARABIC_REGULAR, "Arabic regular"), face(ARABIC_BOLD, "Arabic bold")]),
        }
    }

    /// The face for a weight and family; text in the Arabic family is only ever set when its
    /// fonts are loaded.
    pub(crate) fn face(&self, weight: Weight, family: Family) -> &Face {
        match (family, &self.arabic, weight) {
            (Family::Arabic, Some([regular, _]), Weight::Regular) => regular,
            (Family::Arabic, Some([_, bold]), Weight::Bold) => bold,
            (_, _, Weight::Regular) => &self.regular,
            (_, _, Weight::Bold) => &self.bold,
        }
    }
}
