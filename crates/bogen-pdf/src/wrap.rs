//! Line breaking: text shaped with the font's real advances, broken greedily at spaces and after
//! hyphens, so lines never run past their column.
//!
//! Each paragraph is shaped once (rustybuzz, the shaper the PDF writer itself uses), then cut
//! into lines by glyph; every glyph keeps the byte range of its text, so text extraction and
//! screen readers get the words back. Left-to-right scripts only for now.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use krilla::surface::Location;
use krilla::text::GlyphId;

use crate::fonts::{Fonts, Weight};

/// One shaped glyph; advances and offsets in em.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    id: u32,
    advance: f32,
    x_offset: f32,
    y_offset: f32,
    range: Range<usize>,
}

impl krilla::text::Glyph for Glyph {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(self.id)
    }
    fn text_range(&self) -> Range<usize> {
        self.range.clone()
    }
    fn x_advance(&self, size: f32) -> f32 {
        self.advance * size
    }
    fn x_offset(&self, size: f32) -> f32 {
        self.x_offset * size
    }
    fn y_offset(&self, size: f32) -> f32 {
        self.y_offset * size
    }
    fn y_advance(&self, _size: f32) -> f32 {
        0.0
    }
    fn location(&self) -> Option<Location> {
        None
    }
}

/// One line of set text, ready to draw: glyphs index into `text`.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub text: Arc<str>,
    pub glyphs: Vec<Glyph>,
    pub weight: Weight,
    pub size: f32,
    /// Width in points.
    pub width: f32,
}

impl Line {
    /// Whether the glyph with id 0 (the font's "no such glyph" box) was needed.
    pub fn missing_glyphs(&self) -> Option<String> {
        let missing: String = self.glyphs.iter().filter(|g| g.id == 0).map(|g| &self.text[g.range.clone()]).collect();
        (!missing.is_empty()).then_some(missing)
    }
}

/// A shaping plan for one weight and script.
type Plan = (Weight, rustybuzz::Script, Rc<rustybuzz::ShapePlan>);
/// The glyphs of one hard line, ranges from 0.
type Shaped = Rc<[Glyph]>;

/// Shapes and breaks text with the fonts of one document.
///
/// Shaping plans are made once per weight and script, and each distinct text is shaped once:
/// layout measures the same texts several times (to keep headings with what follows).
pub(crate) struct Typesetter<'a> {
    regular: rustybuzz::Face<'a>,
    bold: rustybuzz::Face<'a>,
    plans: RefCell<Vec<Plan>>,
    shaped: RefCell<HashMap<(Weight, String), Shaped>>,
    units_per_em: [f32; 2],
    /// Ascender and descender (negative) in em, per weight.
    metrics: [(f32, f32); 2],
}

impl<'a> Typesetter<'a> {
    pub fn new(fonts: &'a Fonts) -> Typesetter<'a> {
        Typesetter {
            regular: fonts.regular.shaper(),
            bold: fonts.bold.shaper(),
            plans: RefCell::new(Vec::new()),
            shaped: RefCell::new(HashMap::new()),
            units_per_em: [fonts.regular.units_per_em, fonts.bold.units_per_em],
            metrics: [(fonts.regular.ascender, fonts.regular.descender), (fonts.bold.ascender, fonts.bold.descender)],
        }
    }

    /// Ascender and descender (negative) in em, for placing baselines in line boxes.
    pub fn metrics(&self, weight: Weight) -> (f32, f32) {
        self.metrics[usize::from(weight == Weight::Bold)]
    }

    /// Breaks `text` into lines no wider than `width` points. Newlines in the text start new
    /// lines; an empty paragraph line stays as an empty line.
    pub fn wrap(&self, text: &str, weight: Weight, size: f32, width: f32) -> Vec<Line> {
        let text: Arc<str> = Arc::from(text.replace("\r\n", "\n").replace(['\t', '\r'], " "));
        let mut lines = Vec::new();
        let mut start = 0;
        for hard in text.split('\n') {
            let glyphs = self.shape(hard, start, weight);
            break_lines(&text, glyphs, width / size, &mut |glyphs, em| {
                lines.push(Line { text: text.clone(), glyphs, weight, size, width: em * size })
            });
            start += hard.len() + 1;
        }
        lines
    }

    /// One line, never broken (headers, footers, short labels).
    pub fn line(&self, text: &str, weight: Weight, size: f32) -> Line {
        let text: Arc<str> = Arc::from(text.replace(['\n', '\r', '\t'], " "));
        let glyphs = self.shape(&text, 0, weight);
        let width = glyphs.iter().map(|g| g.advance).sum::<f32>() * size;
        Line { text, glyphs, weight, size, width }
    }

    /// Shapes one hard line; glyph ranges are offset by `base` into the whole text.
    fn shape(&self, text: &str, base: usize, weight: Weight) -> Vec<Glyph> {
        let key = (weight, text.to_owned());
        let cached = self.shaped.borrow().get(&key).cloned();
        let glyphs = match cached {
            Some(glyphs) => glyphs,
            None => {
                let glyphs: Shaped = self.shape_uncached(text, weight).into();
                self.shaped.borrow_mut().insert(key, glyphs.clone());
                glyphs
            }
        };
        glyphs.iter().map(|g| Glyph { range: g.range.start + base..g.range.end + base, ..g.clone() }).collect()
    }

    fn shape_uncached(&self, text: &str, weight: Weight) -> Vec<Glyph> {
        let (face, upem) = match weight {
            Weight::Regular => (&self.regular, self.units_per_em[0]),
            Weight::Bold => (&self.bold, self.units_per_em[1]),
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        let plan = self.plan(face, weight, buffer.script());
        let output = rustybuzz::shape_with_plan(face, &plan, buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let mut glyphs = Vec::with_capacity(infos.len());
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let start = info.cluster as usize;
            let end = infos[i + 1..]
                .iter()
                .find(|next| next.cluster != info.cluster)
                .map_or(text.len(), |next| next.cluster as usize);
            glyphs.push(Glyph {
                id: info.glyph_id,
                advance: pos.x_advance as f32 / upem,
                x_offset: pos.x_offset as f32 / upem,
                y_offset: pos.y_offset as f32 / upem,
                range: start..end,
            });
        }
        glyphs
    }

    fn plan(&self, face: &rustybuzz::Face, weight: Weight, script: rustybuzz::Script) -> Rc<rustybuzz::ShapePlan> {
        let mut plans = self.plans.borrow_mut();
        if let Some((_, _, plan)) = plans.iter().find(|(w, s, _)| *w == weight && *s == script) {
            return plan.clone();
        }
        let direction = rustybuzz::Direction::LeftToRight;
        let plan = Rc::new(rustybuzz::ShapePlan::new(face, direction, Some(script), None, &[]));
        plans.push((weight, script, plan.clone()));
        plan
    }
}

/// Greedy line breaking over shaped glyphs; `max` is the line width in em.
fn break_lines(text: &str, glyphs: Vec<Glyph>, max: f32, emit: &mut dyn FnMut(Vec<Glyph>, f32)) {
    if glyphs.is_empty() {
        emit(Vec::new(), 0.0);
        return;
    }
    let is_space = |g: &Glyph| text[g.range.clone()].chars().all(char::is_whitespace);
    let breaks_after = |i: usize| {
        let here = &text[glyphs[i].range.clone()];
        let next_is_word = glyphs.get(i + 1).is_some_and(|n| !is_space(n));
        is_space(&glyphs[i]) || (next_is_word && i > 0 && matches!(here, "-" | "‐" | "–" | "/"))
    };
    let mut start = 0;
    while start < glyphs.len() {
        let mut width = 0.0;
        let mut end = glyphs.len();
        let mut last_break = None;
        for (i, glyph) in glyphs.iter().enumerate().skip(start) {
            width += glyph.advance;
            if width > max && i > start {
                end = if is_space(glyph) { i } else { last_break.unwrap_or(i) };
                break;
            }
            if breaks_after(i) {
                last_break = Some(i + 1);
            }
        }
        let mut line_end = end;
        while line_end > start && is_space(&glyphs[line_end - 1]) {
            line_end -= 1;
        }
        let line: Vec<Glyph> = glyphs[start..line_end].to_vec();
        let em = line.iter().map(|g| g.advance).sum();
        emit(line, em);
        start = end;
        while start < glyphs.len() && is_space(&glyphs[start]) {
            start += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::noto_sans()
    }

    fn words(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.glyphs.iter().map(|g| &l.text[g.range.clone()]).collect::<String>()).collect()
    }

    #[test]
    fn lines_stay_inside_their_width_and_keep_every_word() {
        let fonts = fonts();
        let set = Typesetter::new(&fonts);
        let text = "Die Familie sucht eine größere Wohnung in Velbert, möglichst in der Nähe der Grundschule.";
        let lines = set.wrap(text, Weight::Regular, 10.0, 120.0);
        assert!(lines.len() >= 3, "{:?}", words(&lines));
        assert!(lines.iter().all(|l| l.width <= 120.0), "{:?}", lines.iter().map(|l| l.width).collect::<Vec<_>>());
        assert_eq!(words(&lines).join(" "), text);
    }

    #[test]
    fn long_words_are_cut_and_newlines_kept() {
        let fonts = fonts();
        let set = Typesetter::new(&fonts);
        let lines = set.wrap("Aufenthaltserlaubnisverlängerungsantrag\n\nЖитло", Weight::Bold, 12.0, 60.0);
        assert!(lines.len() >= 4, "{:?}", words(&lines));
        assert!(lines.iter().all(|l| l.width <= 60.0));
        assert!(words(&lines).contains(&String::new()), "empty line kept");
        assert_eq!(words(&lines).last().unwrap(), "Житло");
        assert!(lines.iter().all(|l| l.missing_glyphs().is_none()));
    }

    #[test]
    fn hyphenated_compounds_break_after_the_hyphen() {
        let fonts = fonts();
        let set = Typesetter::new(&fonts);
        let lines = set.wrap("Integrationskurs-Anmeldung", Weight::Regular, 10.0, 100.0);
        assert_eq!(words(&lines), ["Integrationskurs-", "Anmeldung"]);
    }
}
