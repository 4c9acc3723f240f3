//! The browser's PDF module in `www/dist`: `bogen_pdf.js` + `bogen_pdf_bg.wasm` and the fonts
//! beside it. A second module, built from bogen-pdf's `wasm` feature, which `bogen.js` imports
//! only when a person first asks for a PDF, so opening a form never downloads PDF code.
//!
//! The fonts are shipped as the very files the command line compiles in (not subsets), because
//! the browser's PDF must be byte-identical to `bogen pdf`'s; as files rather than compiled
//! into the module they cost the same bytes, but are fetched alongside the module's compile and
//! stay cached across releases of the code.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::setup;

/// Compiles, binds and optimises the module into `dist`, and copies the fonts.
pub fn build(root: &Path, dist: &Path) -> Result<()> {
    let wasm = compile(root)?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .out_name("bogen_pdf")
        .web(true)?
        .typescript(false)
        .generate(dist)
        .context("wasm-bindgen (PDF module)")?;
    crate::build::optimise(root, &dist.join("bogen_pdf_bg.wasm"))?;
    let fonts = dist.join("fonts");
    fs::create_dir_all(&fonts)?;
    for name in ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "OFL.txt"] {
        let from = root.join("crates/bogen-pdf/fonts").join(name);
        fs::copy(&from, fonts.join(name)).with_context(|| format!("copying {}", from.display()))?;
    }
    Ok(())
}

fn compile(root: &Path) -> Result<PathBuf> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    setup::run(Command::new(cargo).current_dir(root).args([
        "rustc",
        "--release",
        "--target",
        setup::WASM_TARGET,
        "-p",
        "bogen-pdf",
        "--no-default-features",
        "--features",
        "wasm",
        "--crate-type",
        "cdylib",
    ]))?;
    Ok(setup::target_dir(root).join(setup::WASM_TARGET).join("release/bogen_pdf.wasm"))
}
