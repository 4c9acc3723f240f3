//! The participant's language beside the working language. The case manager keeps working in
//! German while the participant reads along: in mixed mode labels, help texts and choices show
//! the participant's wording beneath the German one, and the handover view is written in it.
//!
//! The participant's texts are laid out over the working bundle's schema and uiSchema, so both
//! languages describe the same fields by the same keys; only the texts differ.

pub mod aside;
mod controls;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use bogen_core::limits;
use bogen_core::{Field, FieldKind, FormBundle, Texts};
use serde_json::Value;

pub use controls::ParticipantControls;

/// The fields and texts of the participant's language.
pub struct Participant {
    pub texts: Rc<Texts>,
    pub root: Field,
}

impl Participant {
    /// Reads the texts of a built form bundle (`forms/<id>.<lang>.json`) of the same form.
    pub fn from_bundle(document: &str, form: &FormBundle) -> Result<Participant, String> {
        let value = limits::parse_json(document).map_err(|e| e.to_string())?;
        let id = value.pointer("/schema/$id").and_then(Value::as_str).unwrap_or_default();
        if !id.starts_with(&format!("urn:bogen:form:{}:", form.id)) {
            return Err(format!("the bundle is of another form ({id:?})"));
        }
        let texts = value.get("texts").cloned().unwrap_or(Value::Null);
        let texts: Texts = serde_json::from_value(texts).map_err(|e| format!("texts: {e}"))?;
        let root = Field::build(&form.schema, &form.ui, &texts).map_err(|e| e.to_string())?;
        Ok(Participant { texts: Rc::new(texts), root })
    }

    /// The working language as the participant's, when none other was chosen.
    pub fn working(form: &FormBundle) -> Participant {
        Participant { texts: Rc::new(form.texts.clone()), root: form.root.clone() }
    }

    pub fn lang(&self) -> &str {
        &self.texts.lang
    }

    /// `dir` of text in this language.
    pub fn dir(&self) -> &'static str {
        if bogen_core::texts::is_right_to_left(&self.texts.lang) {
            "rtl"
        } else {
            "ltr"
        }
    }

    pub fn field(&self, key: &str) -> Option<&Field> {
        self.root.find(key)
    }

    pub fn label(&self, key: &str) -> Option<&str> {
        self.field(key).map(|f| f.label.as_str())
    }

    pub fn help(&self, key: &str) -> Option<&str> {
        self.field(key).and_then(|f| f.help.as_deref())
    }

    /// The label of a choice's code in this language.
    pub fn choice(&self, key: &str, code: &str) -> Option<&str> {
        let choices = match &self.field(key)?.kind {
            FieldKind::Choice { choices, .. } | FieldKind::MultiChoice { choices } => choices,
            _ => return None,
        };
        choices.iter().find(|c| c.code == code).map(|c| c.label.as_str())
    }
}

/// What a form knows of its participant's language.
#[derive(Default)]
pub struct Side {
    current: RefCell<Option<Rc<Participant>>>,
    mixed: Cell<bool>,
    /// The control to focus once the form rendered anew (the one the case manager used).
    pub refocus: RefCell<Option<String>>,
}

impl Side {
    /// The participant's language, if one was chosen.
    pub fn get(&self) -> Option<Rc<Participant>> {
        self.current.borrow().clone()
    }

    pub fn set(&self, participant: Option<Participant>) {
        *self.current.borrow_mut() = participant.map(Rc::new);
    }

    pub fn is_mixed(&self) -> bool {
        self.mixed.get()
    }

    pub fn set_mixed(&self, on: bool) {
        self.mixed.set(on);
    }

    /// The language to show beneath the working one: only in mixed mode, and only when it
    /// differs from the working language.
    pub fn beside(&self, working: &str) -> Option<Rc<Participant>> {
        self.get().filter(|p| self.mixed.get() && p.lang() != working)
    }
}
