//! PDF for the participant: a record laid out by a template, fonts embedded, the record attached.
//!
//! The crate depends on `bogen-core` only, never on the browser crate, so the same PDF comes
//! out of the command line and out of the browser's lazily loaded PDF module.
