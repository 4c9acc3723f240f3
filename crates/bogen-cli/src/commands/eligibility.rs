//! `bogen eligibility`: which KIM Zielgruppen the answers of a Screeningbogen point to, whether
//! the need is complex, and why; or which answers are missing. A suggestion for the case
//! manager, who records her own decision in the form.

use std::path::Path;

use bogen_core::netzwerk::{self, eligibility::Verdict, view, Suggestion};
use bogen_core::Texts;
use serde_json::Value;

use crate::envelope;
use crate::failure::Unusable;
use crate::input;
use crate::network;
use crate::output::{Exit, Output};

pub struct Args<'a> {
    /// Screeningbogen data or a record of it.
    pub file: &'a Path,
    pub today: Option<&'a str>,
    /// The region of origin when the data has no `person.herkunftsregion`.
    pub origin: Option<&'a str>,
    pub lang: &'a str,
}

pub fn run(args: &Args, out: &Output) -> Result<Exit, Unusable> {
    let texts = network::texts(args.lang)?;
    let today = network::today(args.today)?;
    let document = input::read_json(args.file)?;
    let data = if envelope::is_record(&document) {
        let form = document.pointer("/form/id").and_then(Value::as_str).unwrap_or_default();
        if form != "screening" {
            return Err(Unusable::file(args.file, format!("a record of form {form:?}, not of the Screeningbogen")));
        }
        document.get("data").cloned().unwrap_or(Value::Null)
    } else {
        document
    };
    if !data.is_object() {
        return Err(Unusable::file(args.file, "not the data of a Screeningbogen (a JSON object)"));
    }
    let mut person = netzwerk::from_screening(&data, today);
    if let Some(origin) = args.origin {
        person.origin = Some(super::refer::origin(origin)?);
    }
    let suggestion = netzwerk::suggest(&person, today);
    if out.json {
        let value = serde_json::to_value(view::suggestion(&suggestion, &texts))
            .map_err(|e| Unusable::general(format!("cannot print JSON: {e}")))?;
        out.json_value(&value)?;
    } else {
        out.stdout(&lines(&suggestion, &texts))?;
    }
    Ok(Exit::Done)
}

fn lines(s: &Suggestion, texts: &Texts) -> String {
    let verdict = |v: Verdict| texts.ui(&format!("netzwerk.verdict.{}", v.code())).to_owned();
    let mut text = format!("{}\n", texts.ui(&format!("netzwerk.vorschlag.{}", s.proposal.code())));
    for g in &s.zielgruppen {
        let name = texts.ui(&format!("netzwerk.zielgruppe.{}", g.zielgruppe.code())).to_owned();
        text.push_str(&format!("{name}: {}\n", verdict(g.verdict)));
        for r in &g.reasons {
            text.push_str(&format!("  - {}\n", r.text(texts)));
        }
    }
    text.push_str(&format!("{}: {}\n", texts.ui("netzwerk.hilfebedarf"), verdict(s.hilfebedarf.verdict)));
    for r in &s.hilfebedarf.reasons {
        text.push_str(&format!("  - {}\n", r.text(texts)));
    }
    text
}
