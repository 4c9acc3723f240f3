//! The demo portal's offline list: every file of the built site goes into the service worker
//! (`www/sw.js`) with a version over all their contents, so the browser precaches exactly this
//! build and a new build, being a new worker script, replaces the cache.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::json;
use sha2::{Digest, Sha256};

/// The worker, relative to the site; it is not cached by itself (the browser fetches it anew).
const WORKER: &str = "sw.js";
/// The line in `www/sw.js` this build replaces.
const PLACEHOLDER: &str = "const PRECACHE = { version: 'unbuilt', files: [] };";

/// Writes the file list and version into `dist/sw.js`; returns the version.
pub fn write(dist: &Path) -> Result<String> {
    let worker = dist.join(WORKER);
    let source = fs::read_to_string(&worker).with_context(|| format!("reading {}", worker.display()))?;
    if source.matches(PLACEHOLDER).count() != 1 {
        bail!("{} must hold the line `{PLACEHOLDER}` once; the build writes the file list there", worker.display());
    }
    let mut files = Vec::new();
    list(dist, dist, &mut files)?;
    files.retain(|f| f != WORKER);
    files.sort();
    let mut hash = Sha256::new();
    for file in &files {
        let bytes = fs::read(dist.join(file)).with_context(|| format!("reading {file}"))?;
        // Lengths first, so no two different sites hash alike by moving bytes between files.
        hash.update((file.len() as u64).to_le_bytes());
        hash.update(file.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    let version: String = hash.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    // `./` is the page the portal is opened by (the directory, served as index.html).
    let urls: Vec<String> = std::iter::once("./".to_owned()).chain(files.iter().map(|f| format!("./{f}"))).collect();
    let line = format!("const PRECACHE = {};", json!({ "version": version, "files": urls }));
    fs::write(&worker, source.replace(PLACEHOLDER, &line)).with_context(|| format!("writing {}", worker.display()))?;
    Ok(version)
}

/// Every file below `dir`, as a `/`-separated path relative to `root`.
fn list(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path: PathBuf = entry?.path();
        if path.is_dir() {
            list(root, &path, out)?;
        } else {
            let relative = path.strip_prefix(root).context("a file outside the site")?;
            let parts: Vec<_> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(name: &str, page: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("bogen-precache-{name}-{}", std::process::id()));
        fs::create_dir_all(dir.join("forms")).unwrap();
        fs::write(dir.join("index.html"), page).unwrap();
        fs::write(dir.join("forms/hilfeplan.de.json"), "{}").unwrap();
        fs::write(dir.join(WORKER), format!("// worker\n{PLACEHOLDER}\nconst CACHE = 1;\n")).unwrap();
        dir
    }

    #[test]
    fn lists_every_file_but_the_worker_and_versions_the_contents() {
        let one = site("one", "<p>eins</p>");
        let two = site("two", "<p>zwei</p>");
        let v1 = write(&one).unwrap();
        let v2 = write(&two).unwrap();
        assert_ne!(v1, v2, "other contents, other version");
        let worker = fs::read_to_string(one.join(WORKER)).unwrap();
        let expected = format!(
            "// worker\nconst PRECACHE = {{\"version\":\"{v1}\",\"files\":[\"./\",\"./forms/hilfeplan.de.json\",\"./index.html\"]}};\nconst CACHE = 1;\n"
        );
        assert_eq!(worker, expected);
        // Built once, the placeholder is gone: a second run on the same output is refused.
        assert!(write(&one).unwrap_err().to_string().contains("must hold the line"));
        fs::remove_dir_all(&one).unwrap();
        fs::remove_dir_all(&two).unwrap();
    }
}
