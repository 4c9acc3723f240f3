//! Property tests for everything Bogen reads from outside: records, form bundles, uiSchemas and
//! PDFs. Each target starts from a corpus of real files (`corpus/<target>/`), mutates them
//! (byte flips, truncation, inserted tokens, JSON values swapped for deep, huge or hostile ones)
//! and checks that the reader never panics, never hangs and refuses every bad input with a
//! message.
//!
//! A plain `cargo test` runs a few fixed cases per target; `BOGEN_FUZZ_SECONDS` turns each into a
//! run of that many seconds (what `cargo xtask test` does). A failing input is saved into the
//! corpus as `regression-<hash>`, so every later run replays it first.

pub mod forms;
pub mod mutation;
pub mod runner;

pub use runner::{fuzz, has_message, Verdict};
