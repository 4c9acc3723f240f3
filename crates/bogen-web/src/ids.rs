//! Element ids derived from data pointers, so error links (`href="#…"`), `label for` and
//! `aria-describedby` agree without a lookup table. A prefix per mounted form keeps two forms
//! on one page apart.

use std::cell::Cell;
use std::fmt::Write;

use bogen_core::path;

#[derive(Debug, Clone, PartialEq)]
pub struct Ids {
    prefix: String,
}

thread_local! {
    static MOUNTED: Cell<u32> = const { Cell::new(0) };
}

impl Ids {
    /// A prefix not used by any other form mounted on this page.
    pub fn fresh() -> Ids {
        let n = MOUNTED.with(|m| {
            m.set(m.get() + 1);
            m.get()
        });
        Ids { prefix: format!("bogen{n}") }
    }

    /// The id of the element that takes focus for the value at `pointer`.
    pub fn field(&self, pointer: &str) -> String {
        let mut id = self.prefix.clone();
        for segment in path::segments(pointer) {
            id.push('-');
            for c in segment.chars() {
                if c.is_ascii_alphanumeric() {
                    id.push(c);
                } else {
                    let _ = write!(id, "_{:x}", c as u32);
                }
            }
        }
        id
    }

    /// An id for a part of the form that is no field (title, status, error summary).
    pub fn part(&self, name: &str) -> String {
        format!("{}--{name}", self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unambiguous_and_safe_in_fragments() {
        let ids = Ids { prefix: "bogen1".into() };
        assert_eq!(ids.field("/ziele/0/was"), "bogen1-ziele-0-was");
        assert_eq!(ids.field("/a-b"), "bogen1-a_2db");
        assert_ne!(ids.field("/a-b"), ids.field("/a/b"));
        assert_eq!(ids.field("/ä"), "bogen1-_e4");
        assert_ne!(ids.part("status"), ids.field("/status"));
    }
}
