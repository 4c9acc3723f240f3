//! What a PDF says, before it is laid out on pages: headings, rows, tables, lists and
//! signatures with their texts already in the reader's language.

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// Label/value rows (a table whose first column heads each row).
    Rows(Vec<(String, String)>),
    Table(Table),
    List(Vec<String>),
    /// A part of the document with its own heading; tagged as a section.
    Section(Vec<Block>),
    /// Signature boxes, kept on one page.
    Signatures(Vec<SignatureView>),
    /// Blocks in another language than the document's (the translation in a bilingual PDF):
    /// tagged with their language, laid out in its direction, on a new page if asked.
    Part {
        lang: String,
        rtl: bool,
        new_page: bool,
        blocks: Vec<Block>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub columns: Vec<String>,
    /// Relative widths, one per column.
    pub widths: Vec<f32>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SignatureView {
    /// Who signs here (role label).
    pub role: String,
    pub mark: SignatureMark,
    /// Lines under the signing line: name, place and time; or what to write on paper.
    pub caption: Vec<String>,
    /// Warning that the data changed after signing.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SignatureMark {
    /// Strokes in pad pixels on a pad of `width` × `height`; `alt` describes the figure.
    Drawn { width: f32, height: f32, strokes: Vec<Vec<(f32, f32)>>, alt: String },
    /// A typed name and what confirms it.
    Typed { name: String, confirmation: String },
    /// Nothing signed yet: lines to sign on paper.
    Empty,
}

/// The whole document: what the page frame needs and the blocks in reading order.
#[derive(Debug, Clone)]
pub(crate) struct Composition {
    pub title: String,
    pub traeger: Option<String>,
    pub blocks: Vec<Block>,
}
