//! Subresource Integrity for the built site: a Träger page that embeds Bogen can pin exactly the
//! files it reviewed. The hashes of what `bogen.js` loads itself (the wasm, the stylesheet) are
//! written into `bogen.js`, so its own hash covers them; the modules it imports are pinned by
//! `modulepreload` links. `embed-snippet.html` is what a web team copies into its page, and the
//! portal pages in `www/` get the same `integrity` attributes on their links. The wasm is not
//! preloaded with `<link rel=preload>`: Chromium ignores `integrity` there, and a preload without
//! it would not match the checked fetch in `bogen.js`, so the file would come twice.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use base64::Engine;
use sha2::{Digest, Sha384};

/// Where `bogen.js` takes the hashes it checks itself.
const MARKER: &str = "/* integrity */ {}";

/// Files `bogen.js` fetches itself, checked against hashes written into it.
const LOADED: [&str; 3] = ["bogen_web_bg.wasm", "bogen_check_bg.wasm", "bogen.css"];

/// Modules `bogen.js` imports (directly or through one another), pinned by modulepreload links.
const IMPORTED: [&str; 6] =
    ["bogen_web.js", "bogen_check.js", "bogen-element.js", "drafts.js", "draft-region.js", "draft-store.js"];

/// `sha384-<base64>` of a file's bytes.
pub fn hash(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

fn hash_file(dist: &Path, name: &str) -> Result<String> {
    Ok(hash(&fs::read(dist.join(name)).with_context(|| format!("reading {name} for its hash"))?))
}

/// Writes the hashes into `bogen.js`, the snippet and the portal's pages in `dist`.
pub fn write(dist: &Path) -> Result<()> {
    let mut known = Vec::new();
    for name in LOADED {
        known.push((name, hash_file(dist, name)?));
    }
    let script_path = dist.join("bogen.js");
    let script = fs::read_to_string(&script_path).context("reading bogen.js")?;
    if script.matches(MARKER).count() != 1 {
        bail!("bogen.js must hold `{MARKER}` exactly once, where the build writes the hashes");
    }
    let table: serde_json::Map<String, serde_json::Value> =
        known.iter().map(|(name, hash)| ((*name).to_owned(), hash.clone().into())).collect();
    fs::write(&script_path, script.replace(MARKER, &serde_json::Value::Object(table).to_string()))?;
    known.push(("bogen.js", hash_file(dist, "bogen.js")?));
    for name in IMPORTED {
        known.push((name, hash_file(dist, name)?));
    }
    fs::write(dist.join("embed-snippet.html"), snippet(&known))?;
    for entry in fs::read_dir(dist)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "html") && !path.ends_with("embed-snippet.html") {
            let page = fs::read_to_string(&path)?;
            fs::write(&path, pinned(&page, &known))?;
        }
    }
    Ok(())
}

fn lookup<'a>(known: &'a [(&str, String)], name: &str) -> &'a str {
    known.iter().find(|(n, _)| *n == name).map(|(_, h)| h.as_str()).unwrap_or_default()
}

/// The copy-paste snippet: `/bogen/` stands for wherever the site puts the files.
fn snippet(known: &[(&str, String)]) -> String {
    let mut out = String::from(
        "<!-- Bogen: put these lines into the page's <head>; change /bogen/ to where the files are. -->\n",
    );
    for name in IMPORTED {
        out.push_str(&format!(
            "<link rel=\"modulepreload\" href=\"/bogen/{name}\" integrity=\"{}\">\n",
            lookup(known, name)
        ));
    }
    out.push_str(&format!(
        "<script type=\"module\" src=\"/bogen/bogen.js\" integrity=\"{}\"></script>\n\
         <!-- And this where the form goes: -->\n\
         <bogen-form form=\"datenschutz\" lang=\"de\" profile=\"/bogen/traeger.json\"></bogen-form>\n",
        lookup(known, "bogen.js")
    ));
    out
}

/// `page` with an `integrity` attribute on every link or script naming a hashed file.
fn pinned(page: &str, known: &[(&str, String)]) -> String {
    let mut out = page.to_owned();
    for (name, hash) in known {
        for attribute in ["href", "src"] {
            let plain = format!("{attribute}=\"{name}\"");
            out = out.replace(&plain, &format!("{plain} integrity=\"{hash}\""));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_sha384_in_base64() {
        // printf '' | openssl dgst -sha384 -binary | base64
        assert_eq!(hash(b""), "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb");
    }

    #[test]
    fn pages_get_integrity_on_the_files_hashed() {
        let known = [("bogen.js", "sha384-A".to_owned()), ("bogen.css", "sha384-B".to_owned())];
        let page = r#"<link rel="modulepreload" href="bogen.js"><script src="portal.js"></script>"#;
        assert_eq!(
            pinned(page, &known),
            r#"<link rel="modulepreload" href="bogen.js" integrity="sha384-A"><script src="portal.js"></script>"#
        );
    }
}
