//! The page frame: the Träger's name and the document title at the top, "Seite x von y", the
//! form version and the record's digest at the bottom. Drawn after layout, when the number
//! of pages is known; readers treat it as page decoration, not content.

use crate::fonts::Weight;
use crate::layout::{Area, Ink, Item};
use crate::template::{PageSpec, TypeScale};
use crate::wording::Wording;
use crate::wrap::{Line, Typesetter};

const MM: f32 = 72.0 / 25.4;
/// Space between the frame and the content area.
const GAP: f32 = 10.0;
/// Lines the footer text may take.
const FOOTER_LINES: usize = 2;
/// Share of the width for the footer's left text; the page number takes the rest.
const FOOTER_SHARE: f32 = 0.74;

/// Page size, margins and the heights of header and footer, all in points.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub width: f32,
    pub height: f32,
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    line: f32,
}

/// Texts of the frame, the same on every page except the page number.
pub(crate) struct FrameTexts<'a> {
    pub traeger: Option<&'a str>,
    pub title: &'a str,
    pub footer: String,
    /// Whether the frame's language runs right to left.
    pub rtl: bool,
}

impl Frame {
    pub fn new(page: &PageSpec, scale: &TypeScale) -> Frame {
        let (width, height) = page.size.points();
        let m = page.margins_mm;
        Frame {
            width,
            height,
            left: m.left * MM,
            right: width - m.right * MM,
            top: m.top * MM,
            bottom: height - m.bottom * MM,
            line: scale.small * scale.leading,
        }
    }

    /// Where content goes: inside the margins, below the header and above the footer.
    pub fn area(&self) -> Area {
        Area {
            left: self.left,
            right: self.right,
            top: self.top + self.line + GAP,
            bottom: self.bottom - FOOTER_LINES as f32 * self.line - GAP,
        }
    }

    pub fn header(&self, set: &Typesetter, scale: &TypeScale, texts: &FrameTexts) -> Vec<Item> {
        let mut items = Vec::new();
        let baseline = self.top + scale.small;
        let width = self.right - self.left;
        match texts.traeger {
            Some(traeger) => {
                let traeger = fit(set, traeger, Weight::Bold, scale.small, width * 0.45, texts.rtl);
                items.push(Item::Text { x: self.left, y: baseline, line: traeger, ink: Ink::Text, content: None });
                let title = fit(set, texts.title, Weight::Regular, scale.small, width * 0.5, texts.rtl);
                let x = self.right - title.width;
                items.push(Item::Text { x, y: baseline, line: title, ink: Ink::Muted, content: None });
            }
            None => {
                let title = fit(set, texts.title, Weight::Regular, scale.small, width, texts.rtl);
                items.push(Item::Text { x: self.left, y: baseline, line: title, ink: Ink::Muted, content: None });
            }
        }
        let y = self.top + self.line + GAP / 2.0;
        items.push(Item::Rule { x1: self.left, y1: y, x2: self.right, y2: y, width: 0.4, ink: Ink::Rule });
        items
    }

    pub fn footer(
        &self,
        set: &Typesetter,
        scale: &TypeScale,
        wording: &Wording,
        texts: &FrameTexts,
        page: usize,
        pages: usize,
    ) -> Vec<Item> {
        let mut items = Vec::new();
        let top = self.bottom - FOOTER_LINES as f32 * self.line;
        let rule_y = top - GAP / 2.0;
        items.push(Item::Rule { x1: self.left, y1: rule_y, x2: self.right, y2: rule_y, width: 0.4, ink: Ink::Rule });
        let width = (self.right - self.left) * FOOTER_SHARE;
        for (n, line) in set
            .wrap(&texts.footer, Weight::Regular, scale.small, width, texts.rtl)
            .into_iter()
            .take(FOOTER_LINES)
            .enumerate()
        {
            let y = top + n as f32 * self.line + scale.small;
            items.push(Item::Text { x: self.left, y, line, ink: Ink::Muted, content: None });
        }
        let number = wording.fill("page", &[("page", &page.to_string()), ("pages", &pages.to_string())]);
        let number = set.line(&number, Weight::Regular, scale.small, texts.rtl);
        let x = self.right - number.width;
        items.push(Item::Text { x, y: top + scale.small, line: number, ink: Ink::Text, content: None });
        items
    }
}

/// One line of at most `width`: an overlong text (a very long name) is shortened with "…",
/// which the header can afford because page one shows the title in full.
fn fit(set: &Typesetter, text: &str, weight: Weight, size: f32, width: f32, rtl: bool) -> Line {
    let line = set.line(text, weight, size, rtl);
    if line.width <= width {
        return line;
    }
    let average = line.width / text.chars().count().max(1) as f32;
    let mut keep = ((width / average) as usize).min(text.chars().count());
    loop {
        let shortened: String = text.chars().take(keep).collect::<String>().trim_end().to_owned() + "…";
        let line = set.line(&shortened, weight, size, rtl);
        if line.width <= width || keep == 0 {
            return line;
        }
        keep -= 1;
    }
}
