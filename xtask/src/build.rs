//! `cargo xtask build`: the deployable static site in `www/dist/`.
//!
//! Steps: the wasm module (`cargo rustc … --crate-type cdylib`, because a cdylib+rlib crate
//! type in Cargo.toml silently disables LTO), its JS bindings (wasm-bindgen as a library, pinned
//! to the exact wasm-bindgen version), `wasm-opt -Oz` from npm's binaryen (the one build that
//! handles this output), the PDF module the same way (`pdf_module`), then the static files and
//! the form bundles, the Subresource Integrity hashes and embed snippet (`integrity`) and, last,
//! the service worker's list of every file (`precache`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::{bundles, integrity, pdf_module, precache, setup};

/// Builds the site and returns the path of `www/dist`.
pub fn site(root: &Path) -> Result<PathBuf> {
    setup::wasm_target()?;
    setup::npm_packages(root)?;
    let dist = root.join("www/dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).context("clearing www/dist")?;
    }
    fs::create_dir_all(&dist)?;
    wasm_module(root, "bogen-web", &[], &dist)?;
    // The validator module, loaded by bogen.js once the form is painted.
    wasm_module(root, "bogen-check", &[], &dist)?;
    pdf_module::build(root, &dist)?;
    copy_dir(&root.join("www"), &dist, &[dist.as_path()])?;
    copy_dir(&root.join("crates/bogen-web/js"), &dist, &[])?;
    bundles::write(&root.join("forms"), &dist.join("forms"))?;
    integrity::write(&dist)?;
    // After the hashes: they are written into bogen.js, whose new bytes the cache version covers.
    let version = precache::write(&dist)?;
    eprintln!("xtask: site built in {} (offline cache version {version})", dist.display());
    Ok(dist)
}

/// Builds `package` as a browser module into `dist`: `cargo rustc --crate-type cdylib` (in
/// Cargo.toml a cdylib next to the rlib would turn LTO off), bindings from wasm-bindgen used as a
/// library (`<crate>.js`, `<crate>_bg.wasm`), then npm's `wasm-opt -Oz`. `cargo_args` adds
/// feature flags.
pub fn wasm_module(root: &Path, package: &str, cargo_args: &[&str], dist: &Path) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    setup::run(
        Command::new(cargo)
            .current_dir(root)
            .args(["rustc", "--release", "--target", setup::WASM_TARGET, "-p", package])
            .args(cargo_args)
            .args(["--crate-type", "cdylib"]),
    )?;
    let name = package.replace('-', "_");
    let wasm = setup::target_dir(root).join(setup::WASM_TARGET).join(format!("release/{name}.wasm"));
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .out_name(&name)
        .web(true)?
        .typescript(false)
        .generate(dist)
        .with_context(|| format!("wasm-bindgen ({package})"))?;
    optimise(root, &dist.join(format!("{name}_bg.wasm")))
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
