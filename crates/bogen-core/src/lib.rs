//! Forms as data.
//!
//! A form is a [`FormBundle`]: a JSON Schema 2020-12 (what valid data is), a uiSchema in the
//! conventions of react-jsonschema-form (how it is laid out) and texts per language (what people
//! read). From a bundle come the [`Field`] tree that renderers walk, the compiled [`Validator`],
//! the [`FieldError`]s people see, and the [`Record`] that case stores import.
//!
//! Nothing here does I/O or knows the browser or PDF: callers hand in text and get values back,
//! so the command line, the browser and the PDF module share one verdict on the same data.
//!
//! The `jsonschema` feature (on by default) brings the [`Validator`]. The browser's form and PDF
//! modules are built without it, to stay small; the form gets its [`Violation`]s from the
//! browser's validator module, which is this crate with the feature, and explains them with
//! [`FormBundle::explain`] like everyone else.

pub mod bundle;
pub mod canonical;
pub mod conditions;
pub mod date;
pub mod field;
pub mod limits;
pub mod messages;
pub mod netzwerk;
pub mod path;
pub mod profile;
pub mod record;
pub mod signature;
pub mod signing;
pub mod texts;
pub mod ui;
pub mod validation;

pub use bundle::{BundleError, FormBundle};
pub use conditions::{Conditions, Visibility};
pub use field::{Choice, Field, FieldKind};
pub use messages::FieldError;
pub use profile::{Profile, ProfileError};
pub use record::{Record, RecordError};
pub use signature::{Mark, Point, Signature};
pub use signing::SignatureSlot;
pub use texts::Texts;
#[cfg(feature = "jsonschema")]
pub use validation::Validator;
pub use validation::{SchemaError, Violation};
