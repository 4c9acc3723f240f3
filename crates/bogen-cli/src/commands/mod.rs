//! One module per command; each returns the exit code or why its input could not be used.

pub mod eligibility;
pub mod extract;
pub mod forms;
pub mod pdf;
pub mod record;
pub mod refer;
pub mod validate;
