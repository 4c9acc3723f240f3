//! Test suites that run on node's own test runner: the browser end-to-end tests (the built site
//! served on loopback, driven by playwright-core in Debian's Chromium) and the conformance
//! check of Bogen's validator against ajv.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Result;

use crate::{serve, setup};

/// `tests/e2e/*.test.js` against the site in `dist`.
pub fn run(root: &Path, dist: &Path) -> Result<()> {
    let url = serve::spawn(dist)?;
    eprintln!("xtask: site served at {url} for the end-to-end tests");
    // The PDF test compares the browser's PDF with the command line's, byte for byte.
    let cli = cli(root)?;
    setup::run(node(root, "e2e/").env("BOGEN_URL", &url).env("CHROMIUM", setup::CHROMIUM).env("BOGEN_CLI", cli))
}

/// `tests/conformance/*.test.js` with the `bogen` binary built for it.
pub fn conformance(root: &Path) -> Result<()> {
    setup::run(node(root, "conformance/").env("BOGEN_CLI", cli(root)?))
}

/// Builds the `bogen` binary (a no-op when it is up to date) and returns its path.
fn cli(root: &Path) -> Result<PathBuf> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    setup::run(Command::new(cargo).current_dir(root).args(["build", "--quiet", "-p", "bogen-cli"]))?;
    Ok(setup::target_dir(root).join("debug/bogen"))
}

fn node(root: &Path, suite: &str) -> Command {
    let mut cmd = Command::new("node");
    cmd.args(["--test", "--test-concurrency=1", suite]).current_dir(root.join("tests")).env("BOGEN_ROOT", root);
    cmd
}
