//! The tree a form lives in: the page itself, or the shadow root of a `<bogen-form>` element.
//! Ids are unique only within one tree and `document.activeElement` names the shadow host, not
//! the field inside it, so lookups go through the form's root node, never through `document`.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, ShadowRoot};

pub enum Root {
    Page(Document),
    Shadow(ShadowRoot),
}

impl Root {
    /// The root node of `element`; none while it is not in a page.
    pub fn of(element: &Element) -> Option<Root> {
        let node = element.get_root_node();
        match node.dyn_into::<ShadowRoot>() {
            Ok(shadow) => Some(Root::Shadow(shadow)),
            Err(node) => node.dyn_into::<Document>().ok().map(Root::Page),
        }
    }

    pub fn element_by_id(&self, id: &str) -> Option<Element> {
        match self {
            Root::Page(document) => document.get_element_by_id(id),
            Root::Shadow(shadow) => shadow.get_element_by_id(id),
        }
    }

    /// The focused element inside this tree.
    pub fn active_element(&self) -> Option<Element> {
        match self {
            Root::Page(document) => document.active_element(),
            Root::Shadow(shadow) => shadow.active_element(),
        }
    }
}
