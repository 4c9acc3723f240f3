//! Installs what builds and tests need, so `cargo xtask …` works on a fresh machine and in CI.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Where cargo puts what it builds: `CARGO_TARGET_DIR` when set, else `target/` in the repository.
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"))
}

/// Runs a command, failing with its name when it fails.
pub fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd.status().with_context(|| format!("could not start {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(())
}

/// Adds the wasm target to the active toolchain if missing.
pub fn wasm_target() -> Result<()> {
    let out = Command::new("rustup").args(["target", "list", "--installed"]).output().context("rustup is needed")?;
    if String::from_utf8_lossy(&out.stdout).lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    eprintln!("xtask: adding rustup target {WASM_TARGET}");
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// Installs Debian packages whose marker file is missing (needs root, as on CI machines).
pub fn debian_packages(wanted: &[(&str, &str)]) -> Result<()> {
    let missing: Vec<&str> = wanted.iter().filter(|(_, file)| !Path::new(file).exists()).map(|(p, _)| *p).collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("xtask: installing Debian packages {}", missing.join(" "));
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-qq", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Installs the npm packages of `tests/` exactly as locked, when missing or when the lock
/// file changed since the last install.
pub fn npm_packages(root: &Path) -> Result<()> {
    let dir = root.join("tests");
    let lock = dir.join("package-lock.json");
    let stamp = dir.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&stamp)) {
        (Ok(l), Ok(s)) => s.modified()? >= l.modified()?,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    eprintln!("xtask: installing npm packages from tests/package-lock.json");
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]).current_dir(&dir))
}

/// The PDF checkers the PDF tests run: poppler's pdftotext, pdffonts, pdfdetach, pdftoppm, qpdf,
/// and mupdf's mutool (its text extraction follows the reading order of right-to-left lines).
pub fn pdf_tools() -> Result<()> {
    debian_packages(&[
        ("poppler-utils", "/usr/bin/pdftotext"),
        ("qpdf", "/usr/bin/qpdf"),
        ("mupdf-tools", "/usr/bin/mutool"),
    ])
}

/// The browser for wasm and end-to-end tests: Debian's chromium and its driver.
pub fn browser() -> Result<()> {
    debian_packages(&[("chromium", CHROMIUM), ("chromium-driver", CHROMEDRIVER)])
}
