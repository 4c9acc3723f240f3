//! Pagination: blocks flow down the content area of A4 pages; what does not fit moves on.
//!
//! Headings keep with what follows, paragraphs and table rows break between lines, tables
//! repeat their header row, signature blocks move whole. Layout only places things; drawing
//! them is `emit`'s job, so page numbers ("von y") can be known before anything is drawn.

mod signature;
mod table;

use krilla::geom::Rect;

use crate::fonts::Weight;
use crate::model::{Block, Composition};
use crate::structure::{ContentId, NodeId, Role, Structure, ROOT};
use crate::template::TypeScale;
use crate::wrap::{Line, Typesetter};

/// Colours, as grey levels: text, secondary text, rules, header backgrounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Ink {
    Text,
    Muted,
    Rule,
    Shade,
}

impl Ink {
    pub fn grey(self) -> u8 {
        match self {
            Ink::Text => 0x1a,
            Ink::Muted => 0x55,
            Ink::Rule => 0x99,
            Ink::Shade => 0xe8,
        }
    }
}

/// Something placed on a page. `content: None` marks decoration (an artifact for readers).
#[derive(Debug, Clone)]
pub(crate) enum Item {
    /// A line of text; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        line: Line,
        ink: Ink,
        content: Option<ContentId>,
    },
    /// An empty marked content, so an empty table cell is still a cell.
    Empty {
        content: ContentId,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        ink: Ink,
    },
    Fill {
        rect: Rect,
        ink: Ink,
    },
    /// Strokes of a drawn signature, already in page coordinates.
    Strokes {
        paths: Vec<Vec<(f32, f32)>>,
        width: f32,
        content: ContentId,
    },
}

#[derive(Debug, Default)]
pub(crate) struct Page {
    pub items: Vec<Item>,
}

/// A heading for the document outline (bookmarks).
#[derive(Debug, Clone)]
pub(crate) struct OutlineEntry {
    pub level: u8,
    pub text: String,
    pub page: usize,
    pub y: f32,
}

/// The content area of every page, in points from the top-left corner.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Area {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

impl Area {
    pub fn width(&self) -> f32 {
        self.right - self.left
    }
}

/// Everything layout produced.
pub(crate) struct Laid {
    pub pages: Vec<Page>,
    pub structure: Structure,
    pub outline: Vec<OutlineEntry>,
}

/// Lays out the composition; `rtl` is the direction of the document's language.
pub(crate) fn lay_out(composition: &Composition, set: &Typesetter, scale: &TypeScale, area: Area, rtl: bool) -> Laid {
    let mut flow = Flow {
        set,
        scale,
        area,
        rtl,
        pages: vec![Page::default()],
        y: area.top,
        structure: Structure::new(),
        outline: Vec::new(),
    };
    for block in &composition.blocks {
        flow.block(block, ROOT);
    }
    Laid { pages: flow.pages, structure: flow.structure, outline: flow.outline }
}

/// The layout cursor: the page being filled and how far down it is.
pub(crate) struct Flow<'a> {
    pub set: &'a Typesetter<'a>,
    pub scale: &'a TypeScale,
    pub area: Area,
    /// Direction of the text being laid out: right to left, lines are right-aligned and table
    /// columns run from the right.
    pub rtl: bool,
    pub pages: Vec<Page>,
    pub y: f32,
    pub structure: Structure,
    pub outline: Vec<OutlineEntry>,
}

impl Flow<'_> {
    pub fn line_height(&self, size: f32) -> f32 {
        size * self.scale.leading
    }

    pub fn body(&self) -> f32 {
        self.scale.body
    }

    pub fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    pub fn at_page_top(&self) -> bool {
        self.y <= self.area.top + 0.01
    }

    pub fn room(&self) -> f32 {
        self.area.bottom - self.y
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.area.top;
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty,
    /// where moving on would not help).
    pub fn keep(&mut self, height: f32) {
        if height > self.room() && !self.at_page_top() {
            self.new_page();
        }
    }

    pub fn push(&mut self, item: Item) {
        self.pages.last_mut().expect("there is always a page").items.push(item);
    }

    /// Breaks text into lines in the current direction.
    pub fn wrap(&self, text: &str, weight: Weight, size: f32, width: f32) -> Vec<Line> {
        self.set.wrap(text, weight, size, width, self.rtl)
    }

    /// Places one line in a box `width` wide starting at `x`: at its left edge, or right-aligned
    /// when the text runs right to left.
    pub fn text_in(&mut self, x: f32, width: f32, top: f32, line: Line, ink: Ink, node: Option<NodeId>) {
        let x = if self.rtl { x + width - line.width } else { x };
        self.text_line(x, top, line, ink, node);
    }

    /// Places one line with its top at the cursor's `y` (no page check), tagged under `node`.
    pub fn text_line(&mut self, x: f32, top: f32, line: Line, ink: Ink, node: Option<NodeId>) {
        let size = line.size;
        let (ascender, descender) = self.set.metrics(line.weight);
        let baseline = top + (self.line_height(size) - (ascender - descender) * size) / 2.0 + ascender * size;
        let content = node.map(|n| self.structure.content(n));
        self.push(Item::Text { x, y: baseline, line, ink, content });
    }

    fn block(&mut self, block: &Block, parent: NodeId) {
        match block {
            Block::Heading { level, text } => self.heading(*level, text, parent),
            Block::Paragraph(text) => self.paragraph(text, parent),
            Block::Rows(rows) => table::rows(self, rows, parent),
            Block::Table(t) => table::table(self, t, parent),
            Block::List(items) => self.list(items, parent),
            Block::Section(blocks) => {
                let section = self.structure.open(parent, Role::Section);
                self.blocks(blocks, section);
            }
            Block::Signatures(views) => signature::block(self, views, parent),
            Block::Part { lang, rtl, new_page, blocks } => {
                if *new_page && !self.at_page_top() {
                    self.new_page();
                }
                let outer = std::mem::replace(&mut self.rtl, *rtl);
                let part = self.structure.open_in(parent, Role::Div, Some(lang.clone()));
                self.blocks(blocks, part);
                self.rtl = outer;
            }
        }
    }

    /// Blocks one after the other, each heading kept with the start of what follows it.
    fn blocks(&mut self, blocks: &[Block], parent: NodeId) {
        for (i, b) in blocks.iter().enumerate() {
            match (b, blocks.get(i + 1)) {
                (Block::Heading { level, text }, Some(next)) => {
                    let keep = self.lead(next);
                    self.heading_keeping(*level, text, parent, keep);
                }
                _ => self.block(b, parent),
            }
        }
    }

    fn heading(&mut self, level: u8, text: &str, parent: NodeId) {
        let keep = 3.0 * self.line_height(self.body());
        self.heading_keeping(level, text, parent, keep);
    }

    /// The height the start of a block needs on the page of the heading before it: a few
    /// lines, a table's header with its first row, a whole signature block.
    fn lead(&self, block: &Block) -> f32 {
        let lines = |n: f32| n * self.line_height(self.body());
        match block {
            Block::Heading { level, text } => self.heading_height(*level, text) + lines(3.0),
            Block::Paragraph(_) | Block::List(_) => lines(2.0),
            Block::Rows(rows) => table::rows_lead(self, rows),
            Block::Table(t) => table::table_lead(self, t),
            Block::Section(blocks) => match blocks.as_slice() {
                [Block::Heading { level, text }, next, ..] => self.heading_height(*level, text) + self.lead(next),
                [first, ..] => self.lead(first),
                [] => 0.0,
            },
            Block::Signatures(views) => signature::height(self, views),
            // A part on a new page needs nothing of the page before; one inline is a few lines.
            Block::Part { new_page: true, .. } => 0.0,
            Block::Part { .. } => lines(2.0),
        }
    }

    fn heading_size(&self, level: u8) -> f32 {
        self.scale.headings[usize::from(level.clamp(1, 4)) - 1]
    }

    /// Space before, lines and space after of a heading.
    fn heading_height(&self, level: u8, text: &str) -> f32 {
        let size = self.heading_size(level);
        let lines = self.wrap(text, Weight::Bold, size, self.area.width()).len();
        let before = if level == 1 { 0.0 } else { size * 0.9 };
        before + lines as f32 * self.line_height(size) + size * 0.35
    }

    /// A heading that moves to the next page unless `keep` more points fit below it.
    fn heading_keeping(&mut self, level: u8, text: &str, parent: NodeId, keep: f32) {
        let size = self.heading_size(level);
        let lines = self.wrap(text, Weight::Bold, size, self.area.width());
        let space_before = if level == 1 { 0.0 } else { size * 0.9 };
        self.keep(self.heading_height(level, text) + keep);
        if !self.at_page_top() {
            self.y += space_before;
        }
        self.outline.push(OutlineEntry { level, text: text.to_owned(), page: self.page_index(), y: self.y });
        let node = self.structure.open(parent, Role::Heading(level, text.to_owned()));
        for line in lines {
            let (x, w, y) = (self.area.left, self.area.width(), self.y);
            self.text_in(x, w, y, line, Ink::Text, Some(node));
            self.y += self.line_height(size);
        }
        self.y += size * 0.35;
    }

    fn paragraph(&mut self, text: &str, parent: NodeId) {
        let size = self.body();
        let node = self.structure.open(parent, Role::P);
        for line in self.wrap(text, Weight::Regular, size, self.area.width()) {
            self.keep(self.line_height(size));
            let (x, w, y) = (self.area.left, self.area.width(), self.y);
            self.text_in(x, w, y, line, Ink::Text, Some(node));
            self.y += self.line_height(size);
        }
        self.y += size * 0.6;
    }

    fn list(&mut self, items: &[String], parent: NodeId) {
        let size = self.body();
        let indent = size * 1.4;
        let list = self.structure.open(parent, Role::List);
        for item in items {
            let li = self.structure.open(list, Role::ListItem);
            let lines = self.wrap(item, Weight::Regular, size, self.area.width() - indent);
            self.keep(self.line_height(size) * lines.len().min(2) as f32);
            let label = self.structure.open(li, Role::Label);
            let bullet = self.set.line("•", Weight::Regular, size, self.rtl);
            let (x, w, y) = (self.area.left + size * 0.3, self.area.width() - size * 0.6, self.y);
            self.text_in(x, w, y, bullet, Ink::Text, Some(label));
            let body = self.structure.open(li, Role::ListBody);
            for line in lines {
                self.keep(self.line_height(size));
                let (x, y) = (if self.rtl { self.area.left } else { self.area.left + indent }, self.y);
                self.text_in(x, self.area.width() - indent, y, line, Ink::Text, Some(body));
                self.y += self.line_height(size);
            }
            self.y += size * 0.15;
        }
        self.y += size * 0.5;
    }
}
