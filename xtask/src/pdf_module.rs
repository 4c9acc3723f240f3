//! The browser's PDF module in `www/dist`: `bogen_pdf.js` + `bogen_pdf_bg.wasm` and the fonts
//! beside it. A second module, built from bogen-pdf's `wasm` feature, which `bogen.js` imports
//! only when a person first asks for a PDF, so opening a form never downloads PDF code.
//!
//! The fonts are shipped as the very files the command line compiles in (not subsets), because
//! the browser's PDF must be byte-identical to `bogen pdf`'s; as files rather than compiled
//! into the module they cost the same bytes, but are fetched alongside the module's compile and
//! stay cached across releases of the code. The Arabic fonts (Noto Naskh Arabic) are fetched
//! only for a record with Arabic script in it.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

/// Compiles, binds and optimises the module into `dist`, and copies the fonts.
pub fn build(root: &Path, dist: &Path) -> Result<()> {
    crate::build::wasm_module(root, "bogen-pdf", &["--no-default-features", "--features", "wasm"], dist)?;
    let fonts = dist.join("fonts");
    fs::create_dir_all(&fonts)?;
    let names =
        ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"];
    for name in names.into_iter().chain(["OFL.txt"]) {
        let from = root.join("crates/bogen-pdf/fonts").join(name);
        fs::copy(&from, fonts.join(name)).with_context(|| format!("copying {}", from.display()))?;
    }
    Ok(())
}
