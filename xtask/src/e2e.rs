//! End-to-end tests: the built site served on loopback, driven by Playwright in Debian's
//! Chromium through node's own test runner (`tests/e2e/*.test.js`).

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::{serve, setup};

pub fn run(root: &Path, dist: &Path) -> Result<()> {
    let url = serve::spawn(dist)?;
    eprintln!("xtask: site served at {url} for the end-to-end tests");
    setup::run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "e2e/"])
            .current_dir(root.join("tests"))
            .env("BOGEN_URL", &url)
            .env("BOGEN_ROOT", root)
            .env("CHROMIUM", setup::CHROMIUM),
    )
}
