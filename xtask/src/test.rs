//! `cargo xtask test`: every test, in the order that fails fastest: formatting and lints, Rust
//! unit and integration tests, the fuzz targets for a time budget, wasm tests in headless
//! Chromium, then the built site end to end.

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::{build, e2e, fuzz, setup};

/// wasm-bindgen's test runner, pinned to the wasm-bindgen version the crates use.
const WASM_BINDGEN_VERSION: &str = "0.2.130";

pub fn all(root: &Path) -> Result<()> {
    step("setup");
    scratch_temp_dir(root)?;
    setup::wasm_target()?;
    setup::browser()?;
    setup::pdf_tools()?;
    setup::npm_packages(root)?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let cargo = || {
        let mut c = Command::new(&cargo);
        c.current_dir(root);
        c
    };
    step("formatting");
    setup::run(cargo().args(["fmt", "--all", "--", "--check"]))?;
    step("lints");
    // One native pass over the whole workspace: bogen-web has no wasm-only code paths, so a
    // second pass for the wasm target would only compile everything once more.
    setup::run(cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    step("Rust tests");
    setup::run(cargo().args(["test"]))?;
    step("fuzz targets");
    fuzz::run(root)?;
    step("validator agreement with ajv");
    e2e::conformance(root)?;
    step("wasm tests in headless Chromium");
    let runner = wasm_test_runner(root)?;
    setup::run(
        cargo()
            // The engine's tests run without bogen.js, so its validator is linked in.
            .args(["test", "--target", setup::WASM_TARGET, "-p", "bogen-web", "--features", "inline-validator"])
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", &runner)
            .env("CHROMEDRIVER", setup::CHROMEDRIVER),
    )?;
    step("end-to-end tests in headless Chromium");
    let dist = build::site(root)?;
    e2e::run(root, &dist)?;
    step("done");
    Ok(())
}

/// Points TMPDIR of every child process (the browsers above all, which leave profile folders of
/// 100 MB behind when they are killed) at a folder under `target/` that each run starts empty, so
/// repeated runs do not fill the machine's disk.
fn scratch_temp_dir(root: &Path) -> Result<()> {
    let dir = setup::target_dir(root).join("xtask-tmp");
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    std::env::set_var("TMPDIR", &dir);
    Ok(())
}

/// Announces a step and how long the whole run has taken so far, so a slow CI run shows where
/// its time went.
fn step(name: &str) {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let elapsed = START.get_or_init(std::time::Instant::now).elapsed().as_secs();
    eprintln!("\n=== xtask test: {name} (at {}:{:02})", elapsed / 60, elapsed % 60);
}

/// Installs `wasm-bindgen-test-runner` into `.tools/` (built from crates.io, no download of
/// prebuilt binaries) unless the pinned version is there already.
fn wasm_test_runner(root: &Path) -> Result<std::path::PathBuf> {
    let tools = root.join(".tools");
    let runner = tools.join("bin/wasm-bindgen-test-runner");
    let stamp = tools.join(format!("wasm-bindgen-{WASM_BINDGEN_VERSION}"));
    if runner.exists() && stamp.exists() {
        return Ok(runner);
    }
    eprintln!("xtask: building wasm-bindgen-test-runner {WASM_BINDGEN_VERSION} into .tools/ (once)");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    setup::run(
        Command::new(cargo)
            // Not --locked: the lock file published with 0.2.130 pins a webpki-roots release the
            // registry no longer serves.
            // --debug: the runner only drives a browser, and a debug build takes a third of the time.
            .args(["install", "--quiet", "--debug", "wasm-bindgen-cli", "--version", WASM_BINDGEN_VERSION])
            .args(["--bin", "wasm-bindgen-test-runner", "--root"])
            .arg(&tools),
    )?;
    std::fs::write(stamp, "")?;
    Ok(runner)
}
