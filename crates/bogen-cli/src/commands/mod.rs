//! One module per command; each returns the exit code or why its input could not be used.

pub mod forms;
pub mod record;
pub mod validate;
