//! Form bundles for the browser: one JSON document per form and language, so opening a form
//! costs one request. Each bundle is loaded with bogen-core before it is written, so a broken
//! form fails the build, not a case manager's browser.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use bogen_core::netzwerk::NetzwerkBundle;
use bogen_core::{FormBundle, Texts};
use serde_json::{json, Value};

/// Writes `forms/<id>.<lang>.json`, `forms/common.<lang>.json`, `forms/index.json` (id,
/// version, German title and the languages of each form) and `forms/netzwerk.<lang>.json`.
pub fn write(forms: &Path, out: &Path) -> Result<()> {
    fs::create_dir_all(out)?;
    let common_dir = forms.join("common/i18n");
    let mut index = Vec::new();
    for lang_file in json_files(&common_dir)? {
        let lang = stem(&lang_file);
        let text = read(&lang_file)?;
        Texts::from_json(&text).with_context(|| format!("{}", lang_file.display()))?;
        fs::write(out.join(format!("common.{lang}.json")), text)?;
    }
    for dir in form_dirs(forms)? {
        let id = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let schema = read(&dir.join("schema.json"))?;
        let ui = read(&dir.join("ui.json"))?;
        let mut entry = None;
        let mut languages = Vec::new();
        for lang_file in json_files(&dir.join("i18n"))? {
            let lang = stem(&lang_file);
            let common_file = common_dir.join(format!("{lang}.json"));
            let common = if common_file.exists() {
                Texts::from_json(&read(&common_file)?).with_context(|| format!("{}", common_file.display()))?
            } else {
                Texts::default()
            };
            let own = Texts::from_json(&read(&lang_file)?).with_context(|| format!("{}", lang_file.display()))?;
            let texts = common.layered(own);
            let texts_json = serde_json::to_string(&texts)?;
            let bundle = FormBundle::from_json(&schema, &ui, &texts_json)
                .with_context(|| format!("form {id}, language {lang}"))?;
            if bundle.id != id {
                bail!("forms/{id}/schema.json has $id for form {:?}; the folder and the id must agree", bundle.id);
            }
            let doc = json!({"schema": bundle.schema, "ui": bundle.ui, "texts": texts});
            fs::write(out.join(format!("{id}.{lang}.json")), serde_json::to_string(&doc)?)?;
            languages.push(lang.clone());
            if lang == "de" || entry.is_none() {
                entry = Some(json!({"id": id, "version": bundle.version.to_string(), "title": bundle.title()}));
            }
        }
        // Hosts offer only the languages a form has texts in.
        index.extend(entry.map(|mut e| {
            e["languages"] = json!(languages);
            e
        }));
    }
    fs::write(out.join("index.json"), serde_json::to_string_pretty(&Value::Array(index))?)?;
    write_netzwerk(forms, out)
}

/// Writes `forms/netzwerk.<lang>.json` for every language the Screeningbogen has: the directory
/// of Beratungsangebote with the texts of its reasons (German where they are not translated).
/// Fetched by `bogen.js` only when a form asks for it, so no other form's first load grows.
fn write_netzwerk(forms: &Path, out: &Path) -> Result<()> {
    let dir = forms.join("netzwerk");
    let angebote = dir.join("angebote.json");
    let directory: Value =
        serde_json::from_str(&read(&angebote)?).with_context(|| format!("{}", angebote.display()))?;
    for lang_file in json_files(&forms.join("screening/i18n"))? {
        let lang = stem(&lang_file);
        let own = dir.join(format!("i18n/{lang}.json"));
        let texts_file = if own.exists() { own } else { dir.join("i18n/de.json") };
        let texts = Texts::from_json(&read(&texts_file)?).with_context(|| format!("{}", texts_file.display()))?;
        let doc = NetzwerkBundle::document(&directory, &texts).to_string();
        NetzwerkBundle::from_document(&doc).with_context(|| format!("{}", angebote.display()))?;
        fs::write(out.join(format!("netzwerk.{lang}.json")), doc)?;
    }
    Ok(())
}

/// Folders below `forms/` that hold data other than a form (the directory of Beratungsangebote).
const NOT_FORMS: &[&str] = &["netzwerk"];

/// Folders below `forms/` that hold a `schema.json`, in name order.
pub fn form_dirs(forms: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut dirs: Vec<_> = fs::read_dir(forms)
        .with_context(|| format!("reading {}", forms.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("schema.json").is_file())
        .filter(|p| !p.file_name().is_some_and(|n| NOT_FORMS.iter().any(|x| n == *x)))
        .collect();
    dirs.sort();
    Ok(dirs)
}

fn json_files(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut files: Vec<_> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn stem(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned()
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}
