//! Which follow-up questions show now, and who wants to know when that changes.
//!
//! Bogen-core decides (from the schema's own `if`/`then`/`else` and `dependentSchemas`); this
//! keeps its answer for the mounted form and tells the wrapper of each follow-up question when
//! it appears or disappears. Hidden answers stay in the form's data, so switching back restores
//! what was typed, but validation, saving and submitting see the data without them.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use bogen_core::{FieldError, FormBundle, Visibility};
use serde_json::Value;
use yew::Callback;

use crate::validator::Validation;

/// Told `true` when a follow-up question appears, `false` when it disappears.
type ShownListener = Callback<bool>;

#[derive(Default)]
pub struct FollowUps {
    visibility: RefCell<Visibility>,
    listeners: RefCell<HashMap<String, Vec<(u32, ShownListener)>>>,
    next: Cell<u32>,
}

impl FollowUps {
    pub fn new(bundle: &FormBundle, data: &Value) -> FollowUps {
        FollowUps { visibility: RefCell::new(bundle.visibility(data)), ..FollowUps::default() }
    }

    pub fn is_shown(&self, pointer: &str) -> bool {
        !self.visibility.borrow().is_hidden(pointer)
    }

    /// After the value at `pointer` changed: re-evaluates the conditions that read it (none,
    /// for most keystrokes). Returns the pointers that appeared or disappeared, for [`Self::tell`].
    pub fn update(&self, bundle: &FormBundle, data: &Value, pointer: &str) -> Vec<String> {
        if bundle.conditions().is_empty() {
            return Vec::new();
        }
        bundle.conditions().update(&mut self.visibility.borrow_mut(), data, pointer)
    }

    /// After the data was replaced: evaluates every condition anew.
    pub fn reset(&self, bundle: &FormBundle, data: &Value) -> Vec<String> {
        let fresh = bundle.visibility(data);
        let mut visibility = self.visibility.borrow_mut();
        let before: Vec<String> = visibility.hidden().map(str::to_owned).collect();
        let mut changed: Vec<String> = fresh.hidden().filter(|p| !visibility.is_hidden(p)).map(str::to_owned).collect();
        changed.extend(before.into_iter().filter(|p| !fresh.is_hidden(p)));
        *visibility = fresh;
        changed
    }

    /// The data as it leaves the form: without the answers to hidden questions. Should the
    /// visibility be unreadable (a last-chance save after an internal error during an update),
    /// everything is kept rather than anything lost.
    pub fn visible(&self, data: &Value) -> Value {
        match self.visibility.try_borrow() {
            Ok(visibility) => visibility.visible(data).into_owned(),
            Err(_) => data.clone(),
        }
    }

    /// Messages for the data without hidden answers: a hidden question has none. `None` while
    /// there is no verdict (the validator module has not arrived).
    pub fn validate(&self, bundle: &FormBundle, validation: &Validation, data: &Value) -> Option<Vec<FieldError>> {
        let violations = validation.violations(bundle, &self.visibility.borrow().visible(data))?;
        Some(bundle.explain(&violations))
    }

    /// Tells the wrappers of the questions at `changed` whether they show now. Call it with no
    /// state borrowed: a wrapper re-renders and reads the form.
    pub fn tell(&self, changed: &[String]) {
        let calls: Vec<(ShownListener, bool)> = {
            let listeners = self.listeners.borrow();
            changed
                .iter()
                .flat_map(|p| {
                    let shown = self.is_shown(p);
                    listeners.get(p).into_iter().flatten().map(move |(_, l)| (l.clone(), shown))
                })
                .collect()
        };
        for (listener, shown) in calls {
            listener.emit(shown);
        }
    }

    pub fn subscribe(&self, pointer: &str, listener: ShownListener) -> u32 {
        let id = self.next.get() + 1;
        self.next.set(id);
        self.listeners.borrow_mut().entry(pointer.to_owned()).or_default().push((id, listener));
        id
    }

    pub fn unsubscribe(&self, pointer: &str, id: u32) {
        let mut listeners = self.listeners.borrow_mut();
        if let Some(list) = listeners.get_mut(pointer) {
            list.retain(|(i, _)| *i != id);
            if list.is_empty() {
                listeners.remove(pointer);
            }
        }
    }
}
