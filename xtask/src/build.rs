//! `cargo xtask build`: the deployable static site in `www/dist/`.
//!
//! Steps: the wasm module (`cargo rustc … --crate-type cdylib`, because a cdylib+rlib crate
//! type in Cargo.toml silently disables LTO), its JS bindings (wasm-bindgen as a library, pinned
//! to the exact wasm-bindgen version), `wasm-opt -Oz` from npm's binaryen (the one build that
//! handles this output), the PDF module the same way (`pdf_module`), then the static files and
//! the form bundles.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::{bundles, pdf_module, setup};

/// Builds the site and returns the path of `www/dist`.
pub fn site(root: &Path) -> Result<PathBuf> {
    setup::wasm_target()?;
    setup::npm_packages(root)?;
    let dist = root.join("www/dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).context("clearing www/dist")?;
    }
    fs::create_dir_all(&dist)?;
    let wasm = compile_wasm(root)?;
    bindgen(&wasm, &dist)?;
    optimise(root, &dist.join("bogen_web_bg.wasm"))?;
    pdf_module::build(root, &dist)?;
    copy_dir(&root.join("www"), &dist, &[dist.as_path()])?;
    copy_dir(&root.join("crates/bogen-web/js"), &dist, &[])?;
    bundles::write(&root.join("forms"), &dist.join("forms"))?;
    eprintln!("xtask: site built in {}", dist.display());
    Ok(dist)
}

fn compile_wasm(root: &Path) -> Result<PathBuf> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    setup::run(Command::new(cargo).current_dir(root).args([
        "rustc",
        "--release",
        "--target",
        setup::WASM_TARGET,
        "-p",
        "bogen-web",
        "--crate-type",
        "cdylib",
    ]))?;
    Ok(setup::target_dir(root).join(setup::WASM_TARGET).join("release/bogen_web.wasm"))
}

fn bindgen(wasm: &Path, dist: &Path) -> Result<()> {
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(wasm)
        .out_name("bogen_web")
        .web(true)?
        .typescript(false)
        .generate(dist)
        .context("wasm-bindgen")
}

pub fn optimise(root: &Path, wasm: &Path) -> Result<()> {
    let wasm_opt = root.join("tests/node_modules/.bin/wasm-opt");
    setup::run(Command::new(wasm_opt).arg(wasm).arg("-o").arg(wasm).args(["-Oz", "--strip-debug", "--strip-producers"]))
}

/// Copies the files below `from` into `to`, skipping the directories in `skip`.
fn copy_dir(from: &Path, to: &Path, skip: &[&Path]) -> Result<()> {
    if !from.exists() {
        return Ok(());
    }
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let path = entry?.path();
        if skip.contains(&path.as_path()) {
            continue;
        }
        let target = to.join(path.file_name().expect("directory entries have names"));
        if path.is_dir() {
            fs::create_dir_all(&target)?;
            copy_dir(&path, &target, skip)?;
        } else {
            fs::copy(&path, &target).with_context(|| format!("copying {}", path.display()))?;
        }
    }
    Ok(())
}
