//! Line breaking: text shaped with the font's real advances, broken greedily at spaces and after
//! hyphens, so lines never run past their column.
//!
//! Each paragraph is shaped once (rustybuzz, the shaper the PDF writer itself uses), then cut
//! into lines by glyph; every glyph keeps the byte range of its text, so text extraction and
//! screen readers get the words back.
//!
//! Right-to-left text (Arabic, Persian) with numbers and Latin names inside follows the Unicode
//! bidirectional algorithm (`unicode-bidi`): a paragraph's levels are resolved in logical order,
//! each run of one level and one font family is shaped in its own direction, lines are broken in
//! logical order, and then each line is put into display order (rule L2 of UAX #9). Arabic
//! script is set in the Arabic family; other characters the main family lacks fall back to it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use krilla::surface::Location;
use krilla::text::GlyphId;
use unicode_bidi::{BidiInfo, Level};

use crate::fonts::{Family, Fonts, Weight};

/// One shaped glyph; advances and offsets in em.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    id: u32,
    advance: f32,
    x_offset: f32,
    y_offset: f32,
    range: Range<usize>,
    pub family: Family,
    /// Bidi embedding level: odd runs right to left.
    level: u8,
}

impl Glyph {
    pub fn right_to_left(&self) -> bool {
        self.level % 2 == 1
    }
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

/// One line of set text, ready to draw: glyphs in display order (left to right), indexing into
/// `text`.
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

    /// Pieces drawn with one font in one direction, left to right on the page.
    pub fn runs(&self) -> impl Iterator<Item = &[Glyph]> {
        self.glyphs.chunk_by(|a, b| a.family == b.family && a.right_to_left() == b.right_to_left())
    }

    /// The runs with their distance from the line's left end in points, in reading order (the
    /// order they are written into the PDF, so extraction reads the line as it is read).
    pub fn runs_in_reading_order(&self) -> Vec<(f32, &[Glyph])> {
        let mut at = 0.0;
        let mut runs: Vec<(f32, &[Glyph])> = self
            .runs()
            .map(|run| {
                let x = at;
                at += run.iter().map(|g| g.advance).sum::<f32>() * self.size;
                (x, run)
            })
            .collect();
        runs.sort_by_key(|(_, run)| run.iter().map(|g| g.range.start).min());
        runs
    }
}

/// A run's glyphs in the order they are written into the PDF, with where the pen starts (em
/// of the line's size from the run's left end) and the font size relative to the line's.
///
/// Right-to-left runs are written in logical order from their right end, each glyph moving
/// the pen back by its advance: text extraction (MuPDF, poppler) and copying then read the
/// words as they are written, not mirrored, and the page looks the same. Arabic runs are set
/// larger (`ARABIC_SCALE`); their glyphs are measured in the line's em and handed to the PDF
/// writer in the em of their own size.
pub(crate) fn in_writing_order(run: &[Glyph]) -> (Vec<Glyph>, f32, f32) {
    let scale = match run.first().map(|g| g.family) {
        Some(Family::Arabic) => ARABIC_SCALE,
        _ => 1.0,
    };
    let own = |g: &Glyph| Glyph {
        advance: g.advance / scale,
        x_offset: g.x_offset / scale,
        y_offset: g.y_offset / scale,
        ..g.clone()
    };
    if !run.first().is_some_and(Glyph::right_to_left) {
        return (run.iter().map(own).collect(), 0.0, scale);
    }
    let width: f32 = run.iter().map(|g| g.advance).sum();
    let glyphs = run
        .iter()
        .rev()
        .map(own)
        .map(|g| Glyph { advance: -g.advance, x_offset: g.x_offset - g.advance, ..g })
        .collect();
    (glyphs, width, scale)
}

/// How much larger Arabic is set than the main family at the same nominal size: Naskh's
/// letters are small beside Noto Sans's, and its marks need room to stay legible.
const ARABIC_SCALE: f32 = 1.15;

/// A shaping plan for one weight, family, script and direction.
type Plan = ((Weight, Family, rustybuzz::Script, rustybuzz::Direction), Rc<rustybuzz::ShapePlan>);
/// The glyphs of one hard line in logical order, ranges from 0.
type Shaped = Rc<[Glyph]>;

/// A font ready for shaping.
struct Shaper<'a> {
    weight: Weight,
    family: Family,
    face: rustybuzz::Face<'a>,
    units_per_em: f32,
}

/// Shapes and breaks text with the fonts of one document.
///
/// Shaping plans are made once per font, script and direction, and each distinct text is shaped
/// once: layout measures the same texts several times (to keep headings with what follows).
pub(crate) struct Typesetter<'a> {
    shapers: Vec<Shaper<'a>>,
    plans: RefCell<Vec<Plan>>,
    shaped: RefCell<HashMap<(Weight, bool, String), Shaped>>,
    /// Ascender and descender (negative) in em of the main family, per weight.
    metrics: [(f32, f32); 2],
}

impl<'a> Typesetter<'a> {
    pub fn new(fonts: &'a Fonts) -> Typesetter<'a> {
        let mut shapers = Vec::new();
        for weight in [Weight::Regular, Weight::Bold] {
            for family in [Family::Main, Family::Arabic] {
                if family == Family::Arabic && fonts.arabic.is_none() {
                    continue;
                }
                let face = fonts.face(weight, family);
                shapers.push(Shaper { weight, family, face: face.shaper(), units_per_em: face.units_per_em });
            }
        }
        Typesetter {
            shapers,
            plans: RefCell::new(Vec::new()),
            shaped: RefCell::new(HashMap::new()),
            metrics: [(fonts.regular.ascender, fonts.regular.descender), (fonts.bold.ascender, fonts.bold.descender)],
        }
    }

    /// Ascender and descender (negative) in em, for placing baselines in line boxes.
    pub fn metrics(&self, weight: Weight) -> (f32, f32) {
        self.metrics[usize::from(weight == Weight::Bold)]
    }

    /// Breaks `text` into lines no wider than `width` points. Newlines in the text start new
    /// lines; an empty paragraph line stays as an empty line. `rtl` is the paragraph direction.
    pub fn wrap(&self, text: &str, weight: Weight, size: f32, width: f32, rtl: bool) -> Vec<Line> {
        let text: Arc<str> = Arc::from(neutral(&text.replace("\r\n", "\n").replace(['\t', '\r'], " ")));
        let mut lines = Vec::new();
        let mut start = 0;
        for hard in text.split('\n') {
            let glyphs = self.shape(hard, start, weight, rtl);
            break_lines(&text, glyphs, width / size, &mut |glyphs, em| {
                lines.push(Line { text: text.clone(), glyphs: display_order(glyphs), weight, size, width: em * size })
            });
            start += hard.len() + 1;
        }
        lines
    }

    /// One line, never broken (headers, footers, short labels).
    pub fn line(&self, text: &str, weight: Weight, size: f32, rtl: bool) -> Line {
        let text: Arc<str> = Arc::from(neutral(&text.replace(['\n', '\r', '\t'], " ")));
        let glyphs = self.shape(&text, 0, weight, rtl);
        let width = glyphs.iter().map(|g| g.advance).sum::<f32>() * size;
        Line { text, glyphs: display_order(glyphs), weight, size, width }
    }

    /// Shapes one hard line; glyph ranges are offset by `base` into the whole text.
    fn shape(&self, text: &str, base: usize, weight: Weight, rtl: bool) -> Vec<Glyph> {
        let key = (weight, rtl, text.to_owned());
        let cached = self.shaped.borrow().get(&key).cloned();
        let glyphs = match cached {
            Some(glyphs) => glyphs,
            None => {
                let glyphs: Shaped = self.shape_paragraph(text, weight, rtl).into();
                self.shaped.borrow_mut().insert(key, glyphs.clone());
                glyphs
            }
        };
        glyphs.iter().map(|g| Glyph { range: g.range.start + base..g.range.end + base, ..g.clone() }).collect()
    }

    /// Glyphs of a paragraph in logical order: bidi levels resolved, then each run of one level
    /// and one family shaped on its own.
    fn shape_paragraph(&self, text: &str, weight: Weight, rtl: bool) -> Vec<Glyph> {
        if text.is_empty() {
            return Vec::new();
        }
        let paragraph = if rtl { Level::rtl() } else { Level::ltr() };
        let bidi = BidiInfo::new(text, Some(paragraph));
        let families = self.families(text, weight);
        let mut glyphs = Vec::new();
        let mut chars = text.char_indices().zip(families).peekable();
        while let Some(((start, _), family)) = chars.next() {
            let level = bidi.levels[start].number();
            let mut end = text.len();
            while let Some(((next, _), next_family)) = chars.peek() {
                if *next_family != family || bidi.levels[*next].number() != level {
                    end = *next;
                    break;
                }
                chars.next();
            }
            let run = self.shape_run(&text[start..end], weight, family, level);
            glyphs.extend(run.into_iter().map(|g| Glyph { range: g.range.start + start..g.range.end + start, ..g }));
        }
        glyphs
    }

    /// The family each character is set in: Arabic script in the Arabic family (where loaded);
    /// spaces and joiners stay with the character before them, so an Arabic phrase is shaped
    /// as one run; anything else in the main family unless only the Arabic one has it.
    fn families(&self, text: &str, weight: Weight) -> Vec<Family> {
        let main = self.shaper(weight, Family::Main);
        let arabic = self.shapers.iter().find(|s| s.weight == weight && s.family == Family::Arabic);
        let mut previous: Option<Family> = None;
        text.chars()
            .map(|c| {
                let has = |s: &Shaper| s.face.glyph_index(c).is_some();
                let family = match (arabic, previous) {
                    (Some(_), _) if is_arabic(c) => Family::Arabic,
                    (_, Some(p)) if c.is_whitespace() || matches!(c, '\u{200c}' | '\u{200d}') => p,
                    (Some(a), _) if !has(main) && has(a) => Family::Arabic,
                    _ => Family::Main,
                };
                previous = Some(family);
                family
            })
            .collect()
    }

    fn shaper(&self, weight: Weight, family: Family) -> &Shaper<'a> {
        self.shapers
            .iter()
            .find(|s| s.weight == weight && s.family == family)
            .expect("the main family is always there; the Arabic one only chosen when loaded")
    }

    /// One run in one direction; glyphs in logical order, ranges from 0.
    fn shape_run(&self, text: &str, weight: Weight, family: Family, level: u8) -> Vec<Glyph> {
        let shaper = self.shaper(weight, family);
        let direction =
            if level % 2 == 1 { rustybuzz::Direction::RightToLeft } else { rustybuzz::Direction::LeftToRight };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(direction);
        // Marks keep their own characters, so each glyph maps to its text when extracted.
        buffer.set_cluster_level(rustybuzz::BufferClusterLevel::MonotoneCharacters);
        let plan = self.plan(shaper, buffer.script(), direction);
        let output = rustybuzz::shape_with_plan(&shaper.face, &plan, buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        // Arabic glyphs are measured at the size they are drawn in (see `in_writing_order`).
        let upem = shaper.units_per_em / if family == Family::Arabic { ARABIC_SCALE } else { 1.0 };
        let mut glyphs: Vec<Glyph> = infos
            .iter()
            .zip(positions)
            .map(|(info, pos)| {
                let start = info.cluster as usize;
                let end = starts.get(starts.partition_point(|s| *s <= start)).copied().unwrap_or(text.len());
                Glyph {
                    id: info.glyph_id,
                    advance: pos.x_advance as f32 / upem,
                    x_offset: pos.x_offset as f32 / upem,
                    y_offset: pos.y_offset as f32 / upem,
                    range: start..end,
                    family,
                    level,
                }
            })
            .collect();
        // The shaper gives right-to-left runs in display order; breaking needs logical order.
        if direction == rustybuzz::Direction::RightToLeft {
            glyphs.reverse();
        }
        glyphs
    }

    fn plan(
        &self,
        shaper: &Shaper,
        script: rustybuzz::Script,
        direction: rustybuzz::Direction,
    ) -> Rc<rustybuzz::ShapePlan> {
        let key = (shaper.weight, shaper.family, script, direction);
        let mut plans = self.plans.borrow_mut();
        if let Some((_, plan)) = plans.iter().find(|(k, _)| *k == key) {
            return plan.clone();
        }
        let plan = Rc::new(rustybuzz::ShapePlan::new(&shaper.face, direction, Some(script), None, &[]));
        plans.push((key, plan.clone()));
        plan
    }
}

/// Text with the bidi embeddings and overrides (U+202A to U+202E) made inert word joiners: typed
/// into a value, an override would show "fdp.exe" as "exe.pdf" in the participant's document.
/// Isolates (U+2066 to U+2069) keep working; they cannot reach beyond their own stretch.
fn neutral(text: &str) -> String {
    text.replace(['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}'], "\u{2060}")
}

/// Letters and signs of the Arabic script blocks (Arabic, Supplement, Extended-A/B,
/// Presentation Forms-A/B), which Persian uses too.
fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{0870}'..='\u{08ff}' | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

/// A line's glyphs from logical to display order: from the highest level down to the lowest
/// odd one, every stretch at that level or above is reversed (UAX #9, rule L2). A right-to-left
/// run thereby gets back the order its shaper gave.
fn display_order(mut glyphs: Vec<Glyph>) -> Vec<Glyph> {
    let (Some(lowest), Some(highest)) = (glyphs.iter().map(|g| g.level).min(), glyphs.iter().map(|g| g.level).max())
    else {
        return glyphs;
    };
    let lowest_odd = lowest | 1;
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < glyphs.len() {
            if glyphs[i].level >= level {
                let start = i;
                while i < glyphs.len() && glyphs[i].level >= level {
                    i += 1;
                }
                glyphs[start..i].reverse();
            } else {
                i += 1;
            }
        }
    }
    glyphs
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
        let lines = set.wrap(text, Weight::Regular, 10.0, 120.0, false);
        assert!(lines.len() >= 3, "{:?}", words(&lines));
        assert!(lines.iter().all(|l| l.width <= 120.0), "{:?}", lines.iter().map(|l| l.width).collect::<Vec<_>>());
        assert_eq!(words(&lines).join(" "), text);
    }

    #[test]
    fn long_words_are_cut_and_newlines_kept() {
        let fonts = fonts();
        let set = Typesetter::new(&fonts);
        let lines = set.wrap("Aufenthaltserlaubnisverlängerungsantrag\n\nЖитло", Weight::Bold, 12.0, 60.0, false);
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
        let lines = set.wrap("Integrationskurs-Anmeldung", Weight::Regular, 10.0, 100.0, false);
        assert_eq!(words(&lines), ["Integrationskurs-", "Anmeldung"]);
    }

    #[test]
    fn arabic_runs_right_to_left_with_latin_names_and_numbers_left_to_right_inside() {
        let fonts = fonts();
        let set = Typesetter::new(&fonts);
        let text = "اسمي Ahmad منذ 2026";
        let line = set.line(text, Weight::Regular, 10.0, true);
        assert!(line.missing_glyphs().is_none());
        let pieces: Vec<(bool, Family, String)> = line
            .runs()
            .map(|run| {
                let mut ranges: Vec<_> = run.iter().map(|g| g.range.clone()).collect();
                ranges.sort_by_key(|r| r.start);
                ranges.dedup();
                let text: String = ranges.iter().map(|r| &line.text[r.clone()]).collect();
                (run[0].right_to_left(), run[0].family, text.trim().to_owned())
            })
            .filter(|(_, _, t)| !t.is_empty())
            .collect();
        // Display order, left to right: the number, the last Arabic word, the name, the first word.
        let shown: Vec<&str> = pieces.iter().map(|(_, _, t)| t.as_str()).collect();
        assert_eq!(shown, ["2026", "منذ", "Ahmad", "اسمي"], "{pieces:?}");
        assert!(pieces.iter().all(|(rtl, family, t)| {
            let arabic = t.chars().any(is_arabic);
            *rtl == arabic && (*family == Family::Arabic) == arabic
        }));
        // Each Arabic run is written in logical order from its right end, ending where it began.
        for run in line.runs().filter(|r| r.len() > 1 && r[0].right_to_left()) {
            let (written, start, scale) = in_writing_order(run);
            assert!(written.windows(2).all(|w| w[0].range.start <= w[1].range.start), "{written:?}");
            let end = start + written.iter().map(|g| g.advance).sum::<f32>() * scale;
            assert!(end.abs() < 1e-4 && start > 0.0 && scale > 1.0);
        }
    }

    #[test]
    fn right_to_left_paragraphs_break_in_reading_order() {
        let fonts = fonts();
        let set = Typesetter::new(&fonts);
        let text = "يُبيّن لكم هذا البيان كيف تتعامل إدارة الحالة مع بياناتكم ويطلب موافقتكم";
        let lines = set.wrap(text, Weight::Regular, 10.0, 120.0, true);
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|l| l.width <= 120.0 && l.missing_glyphs().is_none()));
        let logical: Vec<String> = lines
            .iter()
            .map(|l| {
                let mut ranges: Vec<_> = l.glyphs.iter().map(|g| g.range.clone()).collect();
                ranges.sort_by_key(|r| r.start);
                ranges.dedup();
                ranges.iter().map(|r| &l.text[r.clone()]).collect()
            })
            .collect();
        assert_eq!(logical.join(" "), text, "the first line holds the first words");
    }
}
