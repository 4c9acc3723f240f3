//! Layout templates (`pdf-templates/<form>.json`): which fields appear as what, on which page
//! size, with which fixed texts. Written by people who adjust layouts, so every key is spelled
//! out and unknown keys are refused with their place named.
//!
//! ```json
//! {
//!   "form": "hilfeplan",
//!   "page": { "size": "A4", "marginsMm": { "top": 20, "right": 18, "bottom": 22, "left": 20 } },
//!   "type": { "body": 9.5, "small": 7.5, "headings": [16, 13, 11, 10], "leading": 1.35 },
//!   "participant": ["/person/vorname", "/person/name"],
//!   "traeger": "/erstgespraech/traeger",
//!   "texts": { "page": "Seite {page} von {pages}" },
//!   "blocks": [
//!     { "section": "person" },
//!     { "each": { "field": "ziele", "heading": "ziel", "blocks": [
//!         { "fields": ["lebensbereich", "prioritaet"] },
//!         { "list": { "field": "teilziele" } },
//!         { "table": { "field": "schritte", "widths": [22, 44, 16, 18],
//!                      "columns": [{ "field": "wer", "prefer": "partner" }, "was", "bisWann", "status"] } } ] } },
//!     { "section": "*" },
//!     { "signatures": ["teilnehmende", "casemanagement"] }
//!   ]
//! }
//! ```
//!
//! Field names are property names relative to the block they are in (`each` descends into one
//! item of a list); dots reach into groups (`adresse.ort`). `participant` and `traeger` are
//! JSON pointers into the data. Texts: see [`crate::wording`].

use std::collections::BTreeMap;

use bogen_core::{FieldKind, FormBundle};
use serde::Deserialize;

use crate::error::PdfError;

/// A layout for one form.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Template {
    /// The form id this layout is for.
    pub form: String,
    #[serde(default)]
    pub page: PageSpec,
    #[serde(default, rename = "type")]
    pub type_scale: TypeScale,
    /// JSON pointers whose values, joined by spaces, name the participant (title, metadata).
    #[serde(default)]
    pub participant: Vec<String>,
    /// JSON pointer to the Träger's name, shown in every page header.
    #[serde(default)]
    pub traeger: Option<String>,
    /// Whether groups show their help text (in the form's texts) under their heading: where
    /// the help is what the participant must read, as in a data protection statement.
    #[serde(default)]
    pub show_help: bool,
    /// Whether a record in another language than German gives a bilingual PDF: the German
    /// text, marked as binding, then its translation (see `crate::bilingual`).
    #[serde(default)]
    pub bilingual: bool,
    /// Fixed texts by key, in German; see [`crate::wording`] for which texts win.
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PageSpec {
    #[serde(default)]
    pub size: PageSize,
    #[serde(default)]
    pub margins_mm: Margins,
}

impl Default for PageSpec {
    fn default() -> Self {
        PageSpec { size: PageSize::A4, margins_mm: Margins::default() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
pub enum PageSize {
    #[default]
    A4,
    A5,
}

impl PageSize {
    /// Width and height in points.
    pub fn points(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (595.28, 841.89),
            PageSize::A5 => (419.53, 595.28),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Margins {
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
    pub left: f32,
}

impl Default for Margins {
    fn default() -> Self {
        Margins { top: 20.0, right: 18.0, bottom: 22.0, left: 20.0 }
    }
}

/// Font sizes in points; `leading` is line height over font size.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeScale {
    pub body: f32,
    pub small: f32,
    /// Sizes of heading levels 1 (document title) to 4.
    pub headings: [f32; 4],
    pub leading: f32,
}

impl Default for TypeScale {
    fn default() -> Self {
        TypeScale { body: 9.5, small: 7.5, headings: [16.0, 13.0, 11.0, 10.0], leading: 1.35 }
    }
}

/// What appears, in order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub enum Block {
    /// The form's description from its texts, as paragraphs.
    Intro,
    /// A field under its own heading: groups as label/value rows, lists as tables or numbered
    /// sub-sections. `"*"` stands for every top-level field no other block names.
    Section(String),
    /// Label/value rows for these fields, without a heading.
    Fields(Vec<String>),
    /// A list of objects as a table with one column per named property.
    Table(TableSpec),
    /// A list of texts (or of objects, showing one property) as a bulleted list.
    List(ListSpec),
    /// One sub-section per item of a list, headed "{item label} {n}: {value of `heading`}".
    Each(EachSpec),
    /// Signature boxes for these roles, signed or empty for signing on paper; never split.
    Signatures(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TableSpec {
    pub field: String,
    pub columns: Vec<Column>,
    /// Relative column widths; equal when left out.
    #[serde(default)]
    pub widths: Vec<f32>,
    /// Whether the list's label is shown as a heading above the table.
    #[serde(default = "yes")]
    pub heading: bool,
}

/// A table column: a property name, or `{"field": "wer", "prefer": "partner"}` to show another
/// property instead when it has a value (the named partner rather than "another partner").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Column {
    Field(String),
    Preferring { field: String, prefer: String },
}

impl Column {
    /// The property whose label heads the column.
    pub fn field(&self) -> &str {
        match self {
            Column::Field(f) | Column::Preferring { field: f, .. } => f,
        }
    }

    /// The properties shown, first choice first.
    pub fn shown(&self) -> Vec<&str> {
        match self {
            Column::Field(f) => vec![f],
            Column::Preferring { field, prefer } => vec![prefer, field],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ListSpec {
    pub field: String,
    /// For a list of objects: the property shown per item.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default = "yes")]
    pub heading: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct EachSpec {
    pub field: String,
    /// The item property whose value completes the heading.
    #[serde(default)]
    pub heading: Option<String>,
    pub blocks: Vec<Block>,
}

fn yes() -> bool {
    true
}

/// Where a block's field names are resolved: a field key prefix (`ziele.*`).
#[derive(Debug, Clone)]
pub(crate) struct Scope(pub String);

impl Scope {
    pub fn key(&self, name: &str) -> String {
        if self.0.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.0)
        }
    }
}

impl Template {
    /// Reads a template; `name` (its file name) is used in messages.
    pub fn from_json(name: &str, text: &str) -> Result<Template, PdfError> {
        serde_json::from_str(text).map_err(|e| PdfError::Template { template: name.to_owned(), reason: e.to_string() })
    }

    /// Checks that every field the template names exists in the form with a fitting kind, so
    /// a renamed field fails loudly instead of silently vanishing from the PDF.
    pub fn check(&self, bundle: &FormBundle) -> Result<(), PdfError> {
        let fail = |reason: String| PdfError::Template { template: self.form.clone(), reason };
        if self.form != bundle.id {
            return Err(PdfError::FormMismatch {
                record: bundle.id.clone(),
                what: "the template",
                other: self.form.clone(),
            });
        }
        if !self.type_scale.leading.is_finite() || self.type_scale.leading < 1.0 {
            return Err(fail("type.leading must be at least 1".into()));
        }
        check_blocks(&self.blocks, &Scope(String::new()), bundle, "blocks").map_err(fail)
    }
}

fn check_blocks(blocks: &[Block], scope: &Scope, bundle: &FormBundle, at: &str) -> Result<(), String> {
    for (i, block) in blocks.iter().enumerate() {
        let at = format!("{at}[{i}]");
        let field = |name: &str| {
            let key = scope.key(name);
            bundle.root.find(&key).ok_or_else(|| format!("{at}: form {} has no field {key}", bundle.id))
        };
        let list_item = |name: &str| match &field(name)?.kind {
            FieldKind::List { item, .. } => Ok(item.as_ref()),
            _ => Err(format!("{at}: {} is not a list", scope.key(name))),
        };
        match block {
            Block::Intro | Block::Signatures(_) => {}
            Block::Section(name) if name == "*" => {}
            Block::Section(name) => {
                field(name)?;
            }
            Block::Fields(names) => {
                for name in names {
                    field(name)?;
                }
            }
            Block::Table(spec) => {
                list_item(&spec.field)?;
                if !spec.widths.is_empty() && spec.widths.len() != spec.columns.len() {
                    return Err(format!("{at}: {} widths for {} columns", spec.widths.len(), spec.columns.len()));
                }
                if spec.widths.iter().any(|w| !w.is_finite() || *w <= 0.0) {
                    return Err(format!("{at}: widths must be positive numbers"));
                }
                let item_scope = Scope(scope.key(&format!("{}.*", spec.field)));
                for name in spec.columns.iter().flat_map(Column::shown) {
                    let key = item_scope.key(name);
                    bundle.root.find(&key).ok_or_else(|| format!("{at}: form {} has no field {key}", bundle.id))?;
                }
            }
            Block::List(spec) => {
                list_item(&spec.field)?;
                if let Some(text) = &spec.text {
                    let key = Scope(scope.key(&format!("{}.*", spec.field))).key(text);
                    bundle.root.find(&key).ok_or_else(|| format!("{at}: form {} has no field {key}", bundle.id))?;
                }
            }
            Block::Each(spec) => {
                list_item(&spec.field)?;
                let item_scope = Scope(scope.key(&format!("{}.*", spec.field)));
                if let Some(heading) = &spec.heading {
                    let key = item_scope.key(heading);
                    bundle.root.find(&key).ok_or_else(|| format!("{at}: form {} has no field {key}", bundle.id))?;
                }
                check_blocks(&spec.blocks, &item_scope, bundle, &format!("{at}.blocks"))?;
            }
        }
    }
    Ok(())
}
