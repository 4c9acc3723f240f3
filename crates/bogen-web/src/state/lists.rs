//! Editing a list of the form's data: inserting, removing and swapping items, with what is
//! known about each item (edited, left) moving along with it, so messages stay with their item.

use std::collections::HashSet;

use bogen_core::path;
use serde_json::Value;

use super::Form;

impl Form {
    /// Inserts an item into the list at `pointer` (creating the list).
    pub fn list_insert(&self, pointer: &str, index: usize, item: Value) {
        self.change_list(pointer, |items| {
            let index = index.min(items.len());
            items.insert(index, item);
            Some(Box::new(move |i| Some(if i >= index { i + 1 } else { i })))
        });
    }

    /// Removes an item and returns it (for undo).
    pub fn list_remove(&self, pointer: &str, index: usize) -> Option<Value> {
        let mut removed = None;
        self.change_list(pointer, |items| {
            if index >= items.len() {
                return None;
            }
            removed = Some(items.remove(index));
            Some(Box::new(move |i| match i.cmp(&index) {
                std::cmp::Ordering::Less => Some(i),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => Some(i - 1),
            }))
        });
        removed
    }

    /// Swaps two neighbouring items.
    pub fn list_swap(&self, pointer: &str, a: usize, b: usize) {
        self.change_list(pointer, |items| {
            if a >= items.len() || b >= items.len() {
                return None;
            }
            items.swap(a, b);
            Some(Box::new(move |i| {
                Some(if i == a {
                    b
                } else if i == b {
                    a
                } else {
                    i
                })
            }))
        });
    }

    /// Changes a list and moves what is known about its items (edited, left) with them.
    /// `change` returns where each old position went, or `None` when it changed nothing.
    fn change_list<F>(&self, pointer: &str, change: F)
    where
        F: FnOnce(&mut Vec<Value>) -> Option<Box<dyn Fn(usize) -> Option<usize>>>,
    {
        let (changes, appeared) = {
            let mut inner = self.inner.borrow_mut();
            if !matches!(path::get(&inner.data, pointer), Some(Value::Array(_))) {
                path::set(&mut inner.data, pointer, Some(Value::Array(Vec::new())));
            }
            let Some(items) = inner.data.pointer_mut(pointer).and_then(Value::as_array_mut) else { return };
            let Some(moved) = change(items) else { return };
            remap(&mut inner.edited, pointer, &moved);
            remap(&mut inner.touched, pointer, &moved);
            inner.touched.insert(pointer.to_owned());
            inner.edited.insert(pointer.to_owned());
            inner.fresh = false;
            let appeared = self.follow_ups.update(&self.bundle, &inner.data, pointer);
            (self.refresh(&mut inner), appeared)
        };
        self.follow_ups.tell(&appeared);
        self.tell(changes);
        self.changed(pointer);
    }
}

/// Moves pointers below `list/<i>` to `list/<moved(i)>`, dropping those of removed items.
fn remap(pointers: &mut HashSet<String>, list: &str, moved: &dyn Fn(usize) -> Option<usize>) {
    let prefix = format!("{list}/");
    *pointers = pointers
        .drain()
        .filter_map(|p| {
            let Some(rest) = p.strip_prefix(&prefix) else { return Some(p) };
            let (index, tail) = match rest.split_once('/') {
                Some((i, t)) => (i, Some(t)),
                None => (rest, None),
            };
            let Ok(i) = index.parse::<usize>() else { return Some(p) };
            let j = moved(i)?;
            Some(match tail {
                Some(t) => format!("{prefix}{j}/{t}"),
                None => format!("{prefix}{j}"),
            })
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remapping_follows_items_and_drops_removed_ones() {
        let mut set: HashSet<String> =
            ["/z/0/a", "/z/1/a", "/z/2", "/z/10/b", "/y/1"].iter().map(|s| s.to_string()).collect();
        remap(&mut set, "/z", &|i| {
            if i == 1 {
                None
            } else if i > 1 {
                Some(i - 1)
            } else {
                Some(i)
            }
        });
        let mut got: Vec<_> = set.into_iter().collect();
        got.sort();
        assert_eq!(got, ["/y/1", "/z/0/a", "/z/1", "/z/9/b"]);
    }
}
