//! `bogen refer`: the offers of the Regelstruktur a person can be referred to, in their town and,
//! when it has none, in the neighbouring towns, each with the reasons it fits. A suggestion for
//! the case manager on the phone; she chooses.

use std::path::Path;

use bogen_core::netzwerk::{self, view, Concern, Person, Referral, Region, Status};
use bogen_core::Texts;

use crate::failure::Unusable;
use crate::network;
use crate::output::{Exit, Output};

/// The facts given on the command line, as typed.
pub struct Args<'a> {
    pub town: &'a str,
    pub age: Option<u32>,
    pub status: Option<&'a str>,
    pub entered: Option<&'a str>,
    pub origin: Option<&'a str>,
    pub concern: Option<&'a str>,
    pub uma: bool,
    pub refugee: bool,
    pub housing: bool,
    pub homeless: bool,
    pub sgb2: bool,
    pub today: Option<&'a str>,
    pub directory: Option<&'a Path>,
    pub lang: &'a str,
}

pub fn run(args: &Args, out: &Output) -> Result<Exit, Unusable> {
    let texts = network::texts(args.lang)?;
    let directory = network::directory(args.directory)?;
    let today = network::today(args.today)?;
    let person = person(args)?;
    let found = netzwerk::find(&directory, args.town, &person, today).map_err(|e| Unusable::general(e.to_string()))?;
    if out.json {
        let list = serde_json::to_value(view::offers(&found, &directory, &texts))
            .map_err(|e| Unusable::general(format!("cannot print JSON: {e}")))?;
        out.json_value(&list)?;
    } else {
        out.stdout(&lines(&found, &directory, &texts))?;
    }
    Ok(Exit::Done)
}

/// A flag is a fact the case manager knows; without it the fact is not known, not false.
fn known(flag: bool) -> Option<bool> {
    flag.then_some(true)
}

pub fn status(text: &str) -> Result<Status, Unusable> {
    Status::parse(text).ok_or_else(|| {
        let valid: Vec<String> = Status::ALL.iter().map(|s| s.code().trim_start_matches('p').to_owned()).collect();
        Unusable::general(format!("unknown status {text:?}; valid: {}", valid.join(", ")))
    })
}

pub fn origin(text: &str) -> Result<Region, Unusable> {
    Region::parse(text)
        .ok_or_else(|| Unusable::general(format!("unknown region of origin {text:?}; valid: suedosteuropa, sonstige")))
}

fn person(args: &Args) -> Result<Person, Unusable> {
    let concern = match args.concern {
        None => Vec::new(),
        Some(text) => vec![Concern::parse(text)
            .ok_or_else(|| Unusable::general(format!("unknown concern {text:?}; valid: diskriminierung")))?],
    };
    Ok(Person {
        age: args.age,
        status: args.status.map(status).transpose()?,
        entered: args.entered.map(|e| network::day("--entered", e)).transpose()?,
        uma_at_entry: known(args.uma),
        origin: args.origin.map(origin).transpose()?,
        refugee: known(args.refugee),
        municipal_housing: known(args.housing),
        homeless: known(args.homeless),
        sgb2: known(args.sgb2),
        concerns: concern,
        ..Person::default()
    })
}

fn town_name(directory: &netzwerk::Directory, id: &str) -> String {
    directory.town_by_id(id).map_or_else(|| id.to_owned(), |t| t.name.clone())
}

/// For people: the offer, its Träger and town, where it meets, and why it fits.
fn lines(found: &[Referral], directory: &netzwerk::Directory, texts: &Texts) -> String {
    if found.is_empty() {
        return "no matching offer in this town or its neighbouring towns\n".to_owned();
    }
    let mut text = String::new();
    for r in found {
        let o = r.offer;
        let traeger = o.traeger.as_deref().map(|t| format!(" — {t}")).unwrap_or_default();
        text.push_str(&format!("{}{traeger} ({})\n", o.name, town_name(directory, &o.stadt)));
        if let Some(rooms) = &o.raeume {
            text.push_str(&format!("  rooms: {rooms}\n"));
        }
        if let Some(c) = &o.kontakt {
            for (label, value) in
                [("phone", &c.telefon), ("email", &c.email), ("web", &c.web), ("hours", &c.sprechzeiten)]
            {
                if let Some(value) = value {
                    text.push_str(&format!("  {label}: {value}\n"));
                }
            }
        }
        for reason in &r.reasons {
            text.push_str(&format!("  - {}\n", reason.text(texts)));
        }
    }
    text
}
