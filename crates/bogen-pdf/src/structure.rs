//! The logical structure (tag tree) built while laying out: headings, paragraphs, lists,
//! tables with header cells, figures. Screen readers and PDF/UA read the document through it,
//! so its order is the reading order, whatever the order of drawing.

use std::num::NonZeroU16;

use krilla::geom::Rect;
use krilla::tagging::{BBox, Identifier, ListNumbering, Node, TableHeaderScope, Tag, TagGroup, TagKind, TagTree};

/// A structure element of the document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Role {
    Section,
    Div,
    Heading(u8, String),
    P,
    List,
    ListItem,
    Label,
    ListBody,
    Table,
    TableHead,
    TableBody,
    Row,
    /// A header cell: `true` heads a column, `false` a row.
    HeaderCell(bool),
    Cell,
    /// A drawn signature: alt text and where it is (page index, rectangle).
    Figure(String, usize, Rect),
}

pub(crate) type NodeId = usize;
/// One marked piece of page content (a line of text, a drawing).
pub(crate) type ContentId = usize;

#[derive(Debug, Clone)]
enum Child {
    Node(NodeId),
    Content(ContentId),
}

#[derive(Debug)]
struct Element {
    role: Option<Role>,
    /// Language of the element's text where it differs from the document's; every element
    /// inside carries it too, so each paragraph, cell and heading names its language itself.
    lang: Option<String>,
    children: Vec<Child>,
}

/// The tree; node 0 is the document root.
#[derive(Debug)]
pub(crate) struct Structure {
    elements: Vec<Element>,
    contents: usize,
}

pub(crate) const ROOT: NodeId = 0;

impl Structure {
    pub fn new() -> Structure {
        Structure { elements: vec![Element { role: None, lang: None, children: Vec::new() }], contents: 0 }
    }

    /// Opens a new element as the last child of `parent`, in the parent's language.
    pub fn open(&mut self, parent: NodeId, role: Role) -> NodeId {
        let lang = self.elements[parent].lang.clone();
        self.open_in(parent, role, lang)
    }

    /// Opens a new element whose text (and that of everything inside) is in `lang`.
    pub fn open_in(&mut self, parent: NodeId, role: Role, lang: Option<String>) -> NodeId {
        let id = self.elements.len();
        self.elements.push(Element { role: Some(role), lang, children: Vec::new() });
        self.elements[parent].children.push(Child::Node(id));
        id
    }

    /// A new piece of content belonging to `parent`, in reading order.
    pub fn content(&mut self, parent: NodeId) -> ContentId {
        let id = self.contents;
        self.contents += 1;
        self.elements[parent].children.push(Child::Content(id));
        id
    }

    pub fn content_count(&self) -> usize {
        self.contents
    }

    /// The krilla tag tree, with each content's identifier from drawing.
    pub fn into_tag_tree(self, ids: &[Option<Identifier>], lang: &str) -> TagTree {
        let mut tree = TagTree::new().with_lang(Some(lang.to_owned()));
        for child in &self.elements[ROOT].children {
            if let Some(node) = self.node(child, ids) {
                tree.push(node);
            }
        }
        tree
    }

    fn node(&self, child: &Child, ids: &[Option<Identifier>]) -> Option<Node> {
        match child {
            Child::Content(c) => ids.get(*c).copied().flatten().map(Node::Leaf),
            Child::Node(n) => {
                let element = &self.elements[*n];
                let mut group = TagGroup::new(kind(element.role.as_ref()?).with_lang(element.lang.clone()));
                for c in &element.children {
                    if let Some(node) = self.node(c, ids) {
                        group.push(node);
                    }
                }
                // Elements without content (an empty cell) still carry table structure.
                Some(Node::Group(group))
            }
        }
    }
}

fn kind(role: &Role) -> TagKind {
    match role {
        Role::Section => Tag::Section.into(),
        Role::Div => Tag::Div.into(),
        Role::Heading(level, title) => {
            Tag::Hn(NonZeroU16::new(u16::from(*level).max(1)).expect("at least 1"), Some(title.clone())).into()
        }
        Role::P => Tag::P.into(),
        Role::List => Tag::L(ListNumbering::Disc).into(),
        Role::ListItem => Tag::LI.into(),
        Role::Label => Tag::Lbl.into(),
        Role::ListBody => Tag::LBody.into(),
        Role::Table => Tag::Table.into(),
        Role::TableHead => Tag::THead.into(),
        Role::TableBody => Tag::TBody.into(),
        Role::Row => Tag::TR.into(),
        Role::HeaderCell(column) => {
            Tag::TH(if *column { TableHeaderScope::Column } else { TableHeaderScope::Row }).into()
        }
        Role::Cell => Tag::TD.into(),
        Role::Figure(alt, page, rect) => Tag::Figure(Some(alt.clone())).with_bbox(Some(BBox::new(*page, *rect))).into(),
    }
}
