//! Drawing laid-out pages with the PDF writer: text as embedded, subset glyphs, rules and
//! strokes as vector paths, every piece either marked as content of the structure or as page
//! decoration (artifact), as PDF/UA requires.

use krilla::color::rgb;
use krilla::configure::ValidationError;
use krilla::destination::XyzDestination;
use krilla::embed::EmbeddedFile;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag};
use krilla::Document;

use crate::error::PdfError;
use crate::fonts::Fonts;
use crate::layout::{Ink, Item, Laid, OutlineEntry};
use crate::metadata;
use crate::wrap::in_writing_order;

/// One page's frame: header and footer items.
pub(crate) struct PageFrame {
    pub header: Vec<Item>,
    pub footer: Vec<Item>,
}

pub(crate) struct Output<'a> {
    pub laid: Laid,
    pub frames: Vec<PageFrame>,
    pub size: (f32, f32),
    pub fonts: &'a Fonts,
    pub metadata: Metadata,
    pub attachment: EmbeddedFile,
    pub lang: &'a str,
}

pub(crate) fn emit(out: Output) -> Result<Vec<u8>, PdfError> {
    check_glyphs(&out)?;
    let Output { laid, frames, size, fonts, metadata, attachment, lang } = out;
    let mut document = Document::new_with(metadata::settings());
    let mut ids: Vec<Option<Identifier>> = vec![None; laid.structure.content_count()];
    let settings = PageSettings::from_wh(size.0, size.1).ok_or_else(|| PdfError::Pdf("page size".into()))?;
    for (page, frame) in laid.pages.iter().zip(&frames) {
        let mut pdf_page = document.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        for item in &frame.header {
            draw(&mut surface, item, fonts, &mut ids, ArtifactType::Header);
        }
        for item in &page.items {
            draw(&mut surface, item, fonts, &mut ids, ArtifactType::Layout);
        }
        for item in &frame.footer {
            draw(&mut surface, item, fonts, &mut ids, ArtifactType::Footer);
        }
        surface.finish();
        pdf_page.finish();
    }
    document.set_tag_tree(laid.structure.into_tag_tree(&ids, lang));
    document.set_outline(outline(&laid.outline));
    document.set_metadata(metadata);
    document.embed_file(attachment).ok_or_else(|| PdfError::Pdf("record.json attached twice".into()))?;
    document.finish().map_err(refusal)
}

/// Text the fonts cannot show is refused up front with the characters named.
fn check_glyphs(out: &Output) -> Result<(), PdfError> {
    let mut missing = String::new();
    let frames = out.frames.iter().flat_map(|f| f.header.iter().chain(&f.footer));
    for item in out.laid.pages.iter().flat_map(|p| &p.items).chain(frames) {
        if let Item::Text { line, .. } = item {
            if let Some(m) = line.missing_glyphs() {
                for c in m.chars() {
                    if !missing.contains(c) {
                        missing.push(c);
                    }
                }
            }
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(PdfError::MissingGlyphs(missing))
    }
}

fn refusal(error: KrillaError) -> PdfError {
    match error {
        KrillaError::Validation(errors) => {
            let mut missing = String::new();
            let mut rules = Vec::new();
            for (e, _) in errors {
                match e {
                    ValidationError::ContainsNotDefGlyph(_, _, text) => missing.push_str(&text),
                    other => rules.push(format!("{other:?}")),
                }
            }
            if rules.is_empty() && !missing.is_empty() {
                PdfError::MissingGlyphs(missing)
            } else {
                PdfError::Conformance(rules)
            }
        }
        other => PdfError::Pdf(format!("{other:?}")),
    }
}

fn paint(ink: Ink) -> krilla::paint::Paint {
    let g = ink.grey();
    rgb::Color::new(g, g, g).into()
}

fn draw(surface: &mut Surface, item: &Item, fonts: &Fonts, ids: &mut [Option<Identifier>], decoration: ArtifactType) {
    let artifact = || ContentTag::Artifact(Artifact::with_kind(decoration));
    match item {
        Item::Text { x, y, line, ink, content } => {
            let tag = match content {
                Some(_) => ContentTag::Span(SpanTag::empty()),
                None => artifact(),
            };
            let id = surface.start_tagged(tag);
            surface.set_stroke(None);
            surface.set_fill(Some(Fill { paint: paint(*ink), opacity: NormalizedF32::ONE, rule: Default::default() }));
            for (at, run) in line.runs_in_reading_order() {
                let font = fonts.face(line.weight, run[0].family).pdf.clone();
                let (glyphs, start, scale) = in_writing_order(run);
                let pen = Point::from_xy(x + at + start * line.size, *y);
                surface.draw_glyphs(pen, &glyphs, font, &line.text, line.size * scale, false);
            }
            surface.end_tagged();
            if let Some(c) = content {
                ids[*c] = Some(id);
            }
        }
        Item::Empty { content } => {
            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
            surface.end_tagged();
            ids[*content] = Some(id);
        }
        Item::Rule { x1, y1, x2, y2, width, ink } => {
            let mut path = PathBuilder::new();
            path.move_to(*x1, *y1);
            path.line_to(*x2, *y2);
            if let Some(path) = path.finish() {
                surface.start_tagged(artifact());
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke { paint: paint(*ink), width: *width, ..Default::default() }));
                surface.draw_path(&path);
                surface.end_tagged();
            }
        }
        Item::Fill { rect, ink } => {
            let mut path = PathBuilder::new();
            path.push_rect(*rect);
            if let Some(path) = path.finish() {
                surface.start_tagged(artifact());
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: paint(*ink),
                    opacity: NormalizedF32::ONE,
                    rule: Default::default(),
                }));
                surface.draw_path(&path);
                surface.end_tagged();
            }
        }
        Item::Strokes { paths, width, content } => {
            let id = surface.start_tagged(ContentTag::Other);
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: paint(Ink::Text),
                width: *width,
                line_cap: LineCap::Round,
                line_join: LineJoin::Round,
                ..Default::default()
            }));
            let mut builder = PathBuilder::new();
            for points in paths {
                let (x, y) = points[0];
                builder.move_to(x, y);
                if points.len() == 1 {
                    // A dot: a very short line with round caps.
                    builder.line_to(x + 0.05, y);
                }
                for (x, y) in &points[1..] {
                    builder.line_to(*x, *y);
                }
            }
            if let Some(path) = builder.finish() {
                surface.draw_path(&path);
            }
            surface.end_tagged();
            ids[*content] = Some(id);
        }
    }
}

/// Bookmarks: the title, its sections, and their sub-sections.
fn outline(entries: &[OutlineEntry]) -> Outline {
    let mut outline = Outline::new();
    let node = |e: &OutlineEntry| {
        OutlineNode::new(e.text.clone(), XyzDestination::new(e.page, Point::from_xy(0.0, (e.y - 6.0).max(0.0))))
    };
    let mut top: Vec<(OutlineNode, Vec<OutlineNode>)> = Vec::new();
    for e in entries {
        match e.level {
            1 | 2 => top.push((node(e), Vec::new())),
            3 => match top.last_mut() {
                Some((_, children)) => children.push(node(e)),
                None => top.push((node(e), Vec::new())),
            },
            _ => {}
        }
    }
    for (mut parent, children) in top {
        for child in children {
            parent.push_child(child);
        }
        outline.push_child(parent);
    }
    outline
}
