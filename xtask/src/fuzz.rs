//! The fuzz step of `cargo xtask test`: each target of `fuzz/` runs for a time budget instead of
//! the few cases a plain `cargo test` gives it, one after the other, and the numbers of inputs
//! run and refused are printed and kept in `target/fuzz-report.json`.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result};

use crate::setup;

/// Seconds per target; four targets make a minute of fuzzing per CI run, two at a time (one per
/// core), so the step takes half a minute.
const SECONDS_PER_TARGET: u32 = 15;

pub fn run(root: &Path) -> Result<()> {
    let seconds = std::env::var("BOGEN_FUZZ_SECONDS").unwrap_or_else(|_| SECONDS_PER_TARGET.to_string());
    let reports = setup::target_dir(root).join("fuzz-report");
    if reports.exists() {
        std::fs::remove_dir_all(&reports).with_context(|| format!("clearing {}", reports.display()))?;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    setup::run(
        Command::new(cargo)
            .current_dir(root)
            .args(["test", "-p", "bogen-fuzz", "--test", "targets", "--", "--nocapture", "--test-threads=2"])
            .env("BOGEN_FUZZ_SECONDS", &seconds)
            .env("BOGEN_FUZZ_REPORT", &reports),
    )?;
    let mut targets = Vec::new();
    for entry in std::fs::read_dir(&reports).with_context(|| format!("reading {}", reports.display()))? {
        let text = std::fs::read_to_string(entry?.path())?;
        targets.push(serde_json::from_str::<serde_json::Value>(&text)?);
    }
    targets.sort_by_key(|t| t["target"].as_str().unwrap_or_default().to_owned());
    eprintln!("\nfuzz targets ({seconds} s each):");
    for t in &targets {
        eprintln!(
            "  {:<16} {:>8} executions {:>8} rejected with a message",
            t["target"].as_str().unwrap_or_default(),
            t["executions"],
            t["rejected"]
        );
    }
    let file = setup::target_dir(root).join("fuzz-report.json");
    std::fs::write(&file, serde_json::to_string_pretty(&targets)?)?;
    eprintln!("  (written to {})", file.display());
    Ok(())
}
