//! `cargo xtask bench`: Bogen and react-jsonschema-form measured side by side in one run.
//!
//! Builds the reference app (esbuild from `bench/package-lock.json`) and Bogen's site, lays
//! both into `bench/out/site/` with the bench pages, serves that directory on loopback and runs
//! `bench/run.mjs` in node, which drives Chromium and writes `bench/results.{json,md}`. A Bogen
//! build that fails does not stop the bench: rjsf is still measured and Bogen's rows say why.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::{build, integrity, serve, setup};

/// The rjsf pages need `'unsafe-eval'`: ajv compiles each schema into a `new Function`.
const CSP_RJSF: &str = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self'; \
    object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/// Cross-origin isolation gives the pages a 5 µs clock instead of Chromium's coarse 100 µs
/// one; everything they load is same-origin, so nothing else changes.
const RJSF_PAGE: &[(&str, &str)] = &[
    ("Content-Security-Policy", CSP_RJSF),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Embedder-Policy", "require-corp"),
];
const BOGEN_PAGE: &[(&str, &str)] = &[
    ("Content-Security-Policy", serve::CSP),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Embedder-Policy", "require-corp"),
];

pub fn run(root: &Path, runs: Option<u32>) -> Result<()> {
    setup::browser()?;
    let bench = root.join("bench");
    npm_packages(&bench)?;
    setup::run(Command::new("npm").args(["run", "--silent", "build-rjsf"]).current_dir(&bench))?;

    let out = bench.join("out");
    let site = out.join("site");
    if site.exists() {
        fs::remove_dir_all(&site).context("clearing bench/out/site")?;
    }
    let (dist, bogen_error) = match build::site(root).and_then(|dist| copy_settled(&dist, &site).map(|()| dist)) {
        Ok(dist) => (Some(dist), None),
        Err(e) => {
            eprintln!("xtask: Bogen's site is not there, the bench measures rjsf alone: {e:#}");
            (None, Some(format!("{e:#}")))
        }
    };
    assemble(&bench, &site)?;
    let named_wasm = match &dist {
        Some(dist) => named_build(root, dist, &bench, &out, &site.join("named"))
            .map_err(|e| eprintln!("xtask: no named build for profiles: {e:#}"))
            .ok(),
        None => None,
    };

    let url = serve::spawn_with(&site, policy)?;
    eprintln!("xtask: bench pages served at {url}");
    let mut node = Command::new("node");
    node.arg("run.mjs")
        .current_dir(&bench)
        .env("BENCH_URL", &url)
        .env("BENCH_SITE", &site)
        .env("BENCH_ROOT", root)
        .env("CHROMIUM", setup::CHROMIUM);
    if let Some(error) = bogen_error {
        node.env("BENCH_BOGEN_ERROR", error.lines().next().unwrap_or("unknown"));
    }
    if let Some(wasm) = named_wasm {
        node.env("BENCH_NAMED_WASM", wasm);
    }
    if let Some(runs) = runs {
        node.env("BENCH_RUNS", runs.to_string());
    }
    setup::run(&mut node)
}

fn policy(path: &str) -> &'static [(&'static str, &'static str)] {
    if path.ends_with("/rjsf.html") {
        RJSF_PAGE
    } else {
        BOGEN_PAGE
    }
}

/// The bench pages and the rjsf bundle below `bench/` of a served tree, whose root holds
/// Bogen's site as hosts serve it.
fn assemble(bench: &Path, site: &Path) -> Result<()> {
    fs::create_dir_all(site.join("bench/rjsf"))?;
    copy_dir(&bench.join("pages"), &site.join("bench"))?;
    fs::copy(bench.join("out/rjsf/app.js"), site.join("bench/rjsf/app.js")).context("copying the rjsf bundle")?;
    Ok(())
}

/// The same site with a wasm that keeps its name section, for CPU profiles and the size
/// breakdown: wasm-bindgen on the same cargo output, then the same `wasm-opt -Oz` without
/// stripping names. Returns the path of that wasm.
fn named_build(root: &Path, dist: &Path, bench: &Path, out: &Path, named: &Path) -> Result<PathBuf> {
    let wasm = setup::target_dir(root).join(setup::WASM_TARGET).join("release/bogen_web.wasm");
    let bindgen_dir = out.join("named-bindgen");
    if bindgen_dir.exists() {
        fs::remove_dir_all(&bindgen_dir)?;
    }
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .out_name("bogen_web")
        .web(true)?
        .typescript(false)
        .generate(&bindgen_dir)
        .context("wasm-bindgen for the named build")?;
    copy_settled(dist, named)?;
    assemble(bench, named)?;
    let target = named.join("bogen_web_bg.wasm");
    let wasm_opt = root.join("tests/node_modules/.bin/wasm-opt");
    setup::run(Command::new(wasm_opt).arg(bindgen_dir.join("bogen_web_bg.wasm")).arg("-o").arg(&target).args([
        "-Oz",
        "-g",
        "--strip-producers",
    ]))?;
    fs::copy(bindgen_dir.join("bogen_web.js"), named.join("bogen_web.js"))?;
    // bogen.js checks the wasm it fetches against the hash the build wrote into it: that of the
    // stripped wasm, which the named one replaces.
    let script_path = named.join("bogen.js");
    let script = fs::read_to_string(&script_path).context("reading the named build's bogen.js")?;
    let stripped = integrity::hash(&fs::read(dist.join("bogen_web_bg.wasm"))?);
    let kept = integrity::hash(&fs::read(&target)?);
    fs::write(&script_path, script.replace(&stripped, &kept))?;
    Ok(target)
}

/// `npm ci` in `bench/` when node_modules is missing or older than the lock file.
fn npm_packages(bench: &Path) -> Result<()> {
    let lock = fs::metadata(bench.join("package-lock.json")).context("bench/package-lock.json")?;
    let fresh = fs::metadata(bench.join("node_modules/.package-lock.json"))
        .and_then(|stamp| Ok(stamp.modified()? >= lock.modified()?))
        .unwrap_or(false);
    if fresh {
        return Ok(());
    }
    eprintln!("xtask: installing npm packages from bench/package-lock.json");
    setup::run(Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]).current_dir(bench))
}

/// Copies `www/dist`, which other builds on the same machine may be rewriting: the copy counts
/// only if no file changed while it was made and the wasm is whole; else it waits and retries.
fn copy_settled(dist: &Path, to: &Path) -> Result<()> {
    let attempt = || -> Result<bool> {
        let before = listing(dist)?;
        copy_dir(dist, to)?;
        let wasm = fs::read(to.join("bogen_web_bg.wasm")).unwrap_or_default();
        Ok(listing(dist)? == before && wasm.starts_with(b"\0asm"))
    };
    for _ in 0..30 {
        if attempt().unwrap_or(false) {
            return Ok(());
        }
        eprintln!("xtask: www/dist changed while it was copied (another build?); copying again in 10 s");
        std::thread::sleep(std::time::Duration::from_secs(10));
    }
    anyhow::bail!("www/dist did not hold still for five minutes, so it could not be copied")
}

/// Every file below `dir` with its size and modification time.
fn listing(dir: &Path) -> Result<Vec<(PathBuf, u64, std::time::SystemTime)>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        let meta = fs::metadata(&path)?;
        if meta.is_dir() {
            files.extend(listing(&path)?);
        } else {
            files.push((path, meta.len(), meta.modified()?));
        }
    }
    files.sort();
    Ok(files)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let path = entry?.path();
        let target = to.join(path.file_name().expect("directory entries have names"));
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            fs::copy(&path, &target).with_context(|| format!("copying {}", path.display()))?;
        }
    }
    Ok(())
}
