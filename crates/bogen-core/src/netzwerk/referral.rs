//! The referral finder: for a person KIM does not take in, the offers of the Regelstruktur whose
//! target group they belong to in their own town and, only when their town has none, in the
//! neighbouring towns (without offers reserved for a town's residents, and each kind of offer
//! once). Each offer comes with the reasons it matches.
//!
//! A condition whose fact is not known does not match: the list shows only offers the person is
//! known to qualify for, and the case manager adds what she learns (`--sgb2`, housing, …) to
//! widen it. KIM's own offers are never listed: this is the way out of KIM.

use serde::Serialize;

use super::day::Day;
use super::directory::{Criteria, Directory, Kind, Offer};
use super::person::Person;
use super::reason::Reason;

/// One suggested offer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Referral<'a> {
    pub offer: &'a Offer,
    /// Set when the offer is in a neighbouring town: the person's own town has no offer that fits.
    pub nachbarstadt: bool,
    pub reasons: Vec<Reason>,
}

/// The town was not found in the directory.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown town {query:?}; valid towns: {}", valid.join(", "))]
pub struct UnknownTown {
    pub query: String,
    pub valid: Vec<String>,
}

/// Offers for `person` living in `town` (id or name as typed), in the directory's order.
pub fn find<'a>(
    directory: &'a Directory,
    town: &str,
    person: &Person,
    today: Day,
) -> Result<Vec<Referral<'a>>, UnknownTown> {
    let Some(home) = directory.town(town) else {
        return Err(UnknownTown {
            query: town.to_owned(),
            valid: directory.town_names().into_iter().map(str::to_owned).collect(),
        });
    };
    let mut found: Vec<Referral<'a>> =
        directory.offers_in(&home.id).filter_map(|offer| referral(offer, person, today, false)).collect();
    if !found.is_empty() {
        return Ok(found);
    }
    for neighbour in &home.nachbarn {
        for offer in directory.offers_in(neighbour).filter(|o| !o.nur_einwohner) {
            let seen = |r: &Referral| r.offer.name == offer.name && r.offer.traeger == offer.traeger;
            if found.iter().any(seen) {
                continue;
            }
            if let Some(mut r) = referral(offer, person, today, true) {
                r.reasons.push(
                    Reason::new("angebot.nachbarstadt")
                        .with("stadt", town_name(directory, neighbour))
                        .with("wohnort", &home.name),
                );
                found.push(r);
            }
        }
    }
    Ok(found)
}

fn referral<'a>(offer: &'a Offer, person: &Person, today: Day, nachbarstadt: bool) -> Option<Referral<'a>> {
    if offer.art == Kind::Kim {
        return None;
    }
    let reasons = offer.zielgruppe.kriterien.iter().find_map(|c| meets(c, person, today))?;
    Some(Referral { offer, nachbarstadt, reasons })
}

/// The reasons `person` meets every condition of `c`, or `None` when one is not met or not known.
pub fn meets(c: &Criteria, p: &Person, today: Day) -> Option<Vec<Reason>> {
    let mut reasons = Vec::new();
    let age_rule = match (c.alter_min, c.alter_max) {
        (Some(min), Some(max)) => Some(Reason::new("kriterium.alterVonBis").with("von", min).with("bis", max)),
        (Some(min), None) => Some(Reason::new("kriterium.alterAb").with("ab", min)),
        (None, Some(max)) => Some(Reason::new("kriterium.alterBis").with("bis", max)),
        (None, None) => None,
    };
    if let Some(rule) = age_rule {
        let age = p.age?;
        if c.alter_min.is_some_and(|min| age < min) || c.alter_max.is_some_and(|max| age > max) {
            return None;
        }
        reasons.push(rule.with("alter", age));
    }
    if let Some(statuses) = &c.aufenthalt {
        let status = p.status?;
        if !statuses.contains(&status) {
            return None;
        }
        reasons.push(Reason::new("kriterium.aufenthalt").with("status", status.code()));
    }
    if c.fluchthintergrund == Some(true) {
        require(p.is_refugee(), "kriterium.fluchthintergrund", &mut reasons)?;
    }
    if c.staedtische_unterkunft == Some(true) {
        require(p.municipal_housing, "kriterium.staedtischeUnterkunft", &mut reasons)?;
    }
    if c.wohnungslos == Some(true) {
        require(p.homeless, "kriterium.wohnungslos", &mut reasons)?;
    }
    if c.sgb2 == Some(true) {
        require(p.sgb2, "kriterium.sgb2", &mut reasons)?;
    }
    if let Some(region) = c.herkunftsregion {
        if p.origin? != region {
            return None;
        }
        reasons.push(Reason::new("kriterium.herkunftsregion"));
    }
    if let Some(concern) = c.anliegen {
        if !p.concerns.contains(&concern) {
            return None;
        }
        reasons.push(Reason::new("kriterium.anliegen"));
    }
    if let Some(max) = c.monate_seit_einreise_hoechstens {
        let months = p.months_since_entry(today)?;
        if months > max {
            return None;
        }
        reasons.push(Reason::new("kriterium.einreiseMonate").with("monate", months).with("hoechstens", max));
    }
    if let Some(under) = c.jahre_seit_einreise_unter {
        let entered = p.entered?;
        let limit = entered.plus_years(under);
        if today >= limit {
            return None;
        }
        reasons.push(Reason::new("kriterium.einreiseJahre").with("jahre", under).with("einreise", entered.iso()));
    }
    if reasons.is_empty() {
        reasons.push(Reason::new("kriterium.alle"));
    }
    Some(reasons)
}

fn require(fact: Option<bool>, code: &'static str, reasons: &mut Vec<Reason>) -> Option<()> {
    if fact? {
        reasons.push(Reason::new(code));
        Some(())
    } else {
        None
    }
}

/// Town names are proper nouns from the directory, the same in every language.
fn town_name(directory: &Directory, id: &str) -> String {
    directory.town_by_id(id).map_or_else(|| id.to_owned(), |t| t.name.clone())
}
