//! The form engine in the browser.
//!
//! A host page calls `mount` from `bogen.js`; this crate renders the form's [`Field`] tree with
//! Yew, keeps the data in one shared [`state::Form`] and validates it through the validator
//! module (`validator`), which compiles the [`FormBundle`]'s schema once. A keystroke writes one value and re-renders only the fields whose
//! message changed, so long forms stay responsive.
//!
//! [`Field`]: bogen_core::Field
//! [`FormBundle`]: bogen_core::FormBundle

mod api;
mod defaults;
mod download;
mod events;
mod field;
mod follow_up;
mod handover;
mod ids;
mod import;
mod intl;
mod list;
mod netzwerk;
mod panic;
mod participant;
mod pdf;
mod root;
mod signature;
mod state;
mod tree;
mod validator;
mod view;

pub use api::{mount_bundle, mount_custom, FormHandle};
pub use netzwerk::netzwerk_loaded;
pub use validator::validator_arrived;
