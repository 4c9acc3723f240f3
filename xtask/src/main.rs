//! `cargo xtask build|serve|test|bench`: the project's whole toolchain in Rust, so a fresh
//! machine needs only cargo. Every command installs what it needs itself (rustup target,
//! Debian packages, npm packages from the committed lock file).

mod bench;
mod build;
mod bundles;
mod e2e;
mod fuzz;
mod integrity;
mod pdf_module;
mod precache;
mod serve;
mod setup;
mod test;

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  build            build the deployable site into www/dist/
  serve [--port N] build, then serve www/dist/ on http://127.0.0.1:N/ (default 8080)
  test             install what tests need, then run every test
  fuzz             run only the fuzz targets, BOGEN_FUZZ_SECONDS each (default 15)
  bench [--runs N] build Bogen and a react-jsonschema-form reference app, measure both in
                   headless Chromium (N navigations per app and case, default 7) and write
                   bench/results.json and bench/results.md";

fn main() {
    if let Err(e) = run() {
        eprintln!("xtask: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    match args.first().map(String::as_str) {
        Some("build") => build::site(&root).map(|_| ()),
        Some("serve") => {
            let port = match args.iter().position(|a| a == "--port") {
                Some(i) => args
                    .get(i + 1)
                    .and_then(|p| p.parse().ok())
                    .ok_or_else(|| anyhow::anyhow!("--port needs a number"))?,
                None => 8080,
            };
            let dist = build::site(&root)?;
            serve::run(&dist, port)
        }
        Some("test") => test::all(&root),
        Some("fuzz") => fuzz::run(&root),
        Some("bench") => {
            let runs = match args.iter().position(|a| a == "--runs") {
                Some(i) => Some(
                    args.get(i + 1)
                        .and_then(|n| n.parse().ok())
                        .ok_or_else(|| anyhow::anyhow!("--runs needs a number"))?,
                ),
                None => None,
            };
            bench::run(&root, runs)
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => bail!("{USAGE}"),
    }
}

/// The workspace root: xtask lives one level below it.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits inside the workspace").to_path_buf()
}
