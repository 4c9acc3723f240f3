//! `bogen forms`: which forms this `bogen` knows, so an import script can check that the forms
//! it expects are there in the versions it expects.

use serde_json::{json, Value};

use crate::catalogue;
use crate::failure::Unusable;
use crate::output::{Exit, Output};

/// Titles are listed in German, the language the forms are written in.
const TITLE_LANG: &str = "de";

pub fn run(out: &Output) -> Result<Exit, Unusable> {
    let mut rows = Vec::new();
    for form in catalogue::forms() {
        let bundle = form.load(TITLE_LANG)?;
        rows.push(json!({
            "id": bundle.id,
            "version": bundle.version.to_string(),
            "title": bundle.title(),
            "languages": form.languages(),
        }));
    }
    if out.json {
        out.json_value(&Value::Array(rows))?;
    } else {
        let mut text = String::new();
        for row in &rows {
            let field = |k: &str| row[k].as_str().unwrap_or_default().to_owned();
            text.push_str(&format!("{}\t{}\t{}\n", field("id"), field("version"), field("title")));
        }
        out.stdout(&text)?;
    }
    Ok(Exit::Done)
}
