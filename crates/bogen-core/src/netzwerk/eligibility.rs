//! Which of the five KIM Zielgruppen a person belongs to, and whether the need is complex
//! (concept section 3, Stand November 2023). The result is a suggestion with its reasons for
//! the case manager, who records her own decision: rules decided by the Lenkungsgruppe change,
//! and the facts at intake are often incomplete.
//!
//! Where the concept is not exact the rule follows its tables in the Anhang: "über 27" and "über
//! 18" in section 3 are "ab 27" and "ab 18" in every table, so the birthday counts.

use serde::Serialize;

use super::day::Day;
use super::person::{Person, Region, Status};
use super::reason::Reason;

/// The Zielgruppen, with the codes of the Screeningbogen (`zielgruppe.zielgruppen`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Zielgruppe {
    /// (1) Unaccompanied refugees who were minors at entry.
    Uma,
    /// (2) § 104c, and tolerated people who can get §§ 25a, 25b, or whose extension is at risk.
    Bleiberecht,
    /// (3) Immigrants from South-Eastern Europe.
    Suedosteuropa,
    /// (4) Duldung and Gestattung from 27.
    Duldunggestattung27,
    /// (5) From 18, less than five years in Germany, multiple need found by a counselling service.
    Neuzugewandert,
}

impl Zielgruppe {
    pub const ALL: [Zielgruppe; 5] = [
        Zielgruppe::Uma,
        Zielgruppe::Bleiberecht,
        Zielgruppe::Suedosteuropa,
        Zielgruppe::Duldunggestattung27,
        Zielgruppe::Neuzugewandert,
    ];

    /// The code of the Screeningbogen.
    pub fn code(self) -> &'static str {
        match self {
            Zielgruppe::Uma => "uma",
            Zielgruppe::Bleiberecht => "bleiberecht",
            Zielgruppe::Suedosteuropa => "suedosteuropa",
            Zielgruppe::Duldunggestattung27 => "duldunggestattung27",
            Zielgruppe::Neuzugewandert => "neuzugewandert",
        }
    }
}

/// Adults for Zielgruppe 5.
pub const ADULT_AGE: u32 = 18;
/// Zielgruppe 4 and the MBE start at this age; the JMD ends with it.
pub const OLDER_AGE: u32 = 27;
/// Zielgruppe 5: "noch nicht 5 Jahre in Deutschland".
pub const NEW_ARRIVAL_YEARS: u32 = 5;
/// Zielgruppe 5 was decided "vorerst bis Ende 2024"; after that day the suggestion asks whether
/// the Lenkungsgruppe extended it.
pub const NEW_ARRIVAL_LIMITED_UNTIL: (u32, u32, u32) = (2024, 12, 31);
/// A § 25a/b permit that ends within this many months is pointed out: its extension may be at
/// risk (the concept names the case but no period; the case manager judges).
pub const PERMIT_WARNING_MONTHS: u32 = 6;

/// How a rule came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Erfuellt,
    NichtErfuellt,
    /// A fact the rule needs is not known; the reasons name it.
    Offen,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Erfuellt => "erfuellt",
            Verdict::NichtErfuellt => "nichterfuellt",
            Verdict::Offen => "offen",
        }
    }
}

/// One Zielgruppe checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupCheck {
    pub zielgruppe: Zielgruppe,
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
}

/// What the check suggests, with the codes of `ergebnis.entscheidung`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Proposal {
    Aufnahme,
    Verweis,
    Offen,
}

impl Proposal {
    /// The code of `ergebnis.entscheidung`.
    pub fn code(self) -> &'static str {
        match self {
            Proposal::Aufnahme => "aufnahme",
            Proposal::Verweis => "verweis",
            Proposal::Offen => "offen",
        }
    }
}

/// The whole suggestion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub proposal: Proposal,
    pub zielgruppen: Vec<GroupCheck>,
    /// The komplexer Hilfebedarf: all three marks must hold.
    pub hilfebedarf: GroupNeed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupNeed {
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
}

impl Suggestion {
    /// The Zielgruppen that match.
    pub fn matching(&self) -> Vec<Zielgruppe> {
        self.zielgruppen.iter().filter(|g| g.verdict == Verdict::Erfuellt).map(|g| g.zielgruppe).collect()
    }
}

/// Checks every Zielgruppe and the complex need on `today`.
pub fn suggest(person: &Person, today: Day) -> Suggestion {
    let zielgruppen: Vec<GroupCheck> = Zielgruppe::ALL.into_iter().map(|g| check(g, person, today)).collect();
    let hilfebedarf = complex_need(person);
    let any = |v: Verdict| zielgruppen.iter().any(|g| g.verdict == v);
    let proposal = if hilfebedarf.verdict == Verdict::NichtErfuellt
        || zielgruppen.iter().all(|g| g.verdict == Verdict::NichtErfuellt)
    {
        Proposal::Verweis
    } else if any(Verdict::Erfuellt) && hilfebedarf.verdict == Verdict::Erfuellt {
        Proposal::Aufnahme
    } else {
        Proposal::Offen
    };
    Suggestion { proposal, zielgruppen, hilfebedarf }
}

/// One Zielgruppe.
pub fn check(group: Zielgruppe, p: &Person, today: Day) -> GroupCheck {
    let (verdict, reasons) = match group {
        Zielgruppe::Uma => uma(p),
        Zielgruppe::Bleiberecht => bleiberecht(p, today),
        Zielgruppe::Suedosteuropa => suedosteuropa(p),
        Zielgruppe::Duldunggestattung27 => duldung_gestattung(p),
        Zielgruppe::Neuzugewandert => new_arrival(p, today),
    };
    GroupCheck { zielgruppe: group, verdict, reasons }
}

type Outcome = (Verdict, Vec<Reason>);

fn missing(field: &'static str) -> Reason {
    Reason::new("fehlt").with("feld", field)
}

fn uma(p: &Person) -> Outcome {
    match p.uma_at_entry {
        None => (Verdict::Offen, vec![missing("aufenthalt.umaBeiEinreise")]),
        Some(false) => (Verdict::NichtErfuellt, vec![Reason::new("uma.nein")]),
        Some(true) => {
            let mut reasons = vec![Reason::new("uma.ja")];
            if let Some(age) = p.age.filter(|a| *a >= ADULT_AGE) {
                reasons.push(Reason::new("uma.heuteVolljaehrig").with("alter", age));
            }
            (Verdict::Erfuellt, reasons)
        }
    }
}

fn bleiberecht(p: &Person, today: Day) -> Outcome {
    let Some(status) = p.status else { return (Verdict::Offen, vec![missing("aufenthalt.status")]) };
    match status {
        Status::P104c => (Verdict::Erfuellt, vec![Reason::new("bleiberecht.status").with("status", status.code())]),
        Status::P25a | Status::P25b => {
            let mut reasons = vec![Reason::new("bleiberecht.status").with("status", status.code())];
            if let Some(until) = p.permit_valid_until {
                let warn_from = today.months_until(until).is_none_or(|m| m < PERMIT_WARNING_MONTHS);
                if warn_from {
                    reasons.push(Reason::new("bleiberecht.verlaengerungGefaehrdet").with("gueltigBis", until.iso()));
                }
            }
            (Verdict::Erfuellt, reasons)
        }
        _ => (Verdict::NichtErfuellt, vec![Reason::new("bleiberecht.nein").with("status", status.code())]),
    }
}

fn suedosteuropa(p: &Person) -> Outcome {
    match p.origin {
        None => (Verdict::Offen, vec![missing("person.herkunftsregion")]),
        Some(Region::Suedosteuropa) => (Verdict::Erfuellt, vec![Reason::new("suedosteuropa.ja")]),
        Some(Region::Sonstige) => (Verdict::NichtErfuellt, vec![Reason::new("suedosteuropa.nein")]),
    }
}

fn duldung_gestattung(p: &Person) -> Outcome {
    let Some(status) = p.status else { return (Verdict::Offen, vec![missing("aufenthalt.status")]) };
    if !matches!(status, Status::Duldung | Status::Gestattung) {
        return (Verdict::NichtErfuellt, vec![Reason::new("duldunggestattung27.status").with("status", status.code())]);
    }
    match p.age {
        None => (Verdict::Offen, vec![missing("person.geburtsdatum")]),
        Some(age) if age >= OLDER_AGE => (
            Verdict::Erfuellt,
            vec![Reason::new("duldunggestattung27.ja").with("status", status.code()).with("alter", age)],
        ),
        Some(age) => (
            Verdict::NichtErfuellt,
            vec![Reason::new("duldunggestattung27.zuJung").with("alter", age).with("ab", OLDER_AGE)],
        ),
    }
}

fn new_arrival(p: &Person, today: Day) -> Outcome {
    let mut reasons = Vec::new();
    let mut verdict = Verdict::Erfuellt;
    let mut weigh = |v: Verdict, r: Reason| {
        verdict = match (verdict, v) {
            (Verdict::NichtErfuellt, _) | (_, Verdict::NichtErfuellt) => Verdict::NichtErfuellt,
            (Verdict::Offen, _) | (_, Verdict::Offen) => Verdict::Offen,
            _ => Verdict::Erfuellt,
        };
        reasons.push(r);
    };
    match p.age {
        None => weigh(Verdict::Offen, missing("person.geburtsdatum")),
        Some(age) if age >= ADULT_AGE => {
            weigh(Verdict::Erfuellt, Reason::new("neuzugewandert.volljaehrig").with("alter", age))
        }
        Some(age) => weigh(Verdict::NichtErfuellt, Reason::new("neuzugewandert.minderjaehrig").with("alter", age)),
    }
    match p.entered {
        None => weigh(Verdict::Offen, missing("person.einreisedatum")),
        Some(entered) => {
            let five = entered.plus_years(NEW_ARRIVAL_YEARS);
            let r = |code| Reason::new(code).with("einreise", entered.iso()).with("fuenfJahre", five.iso());
            if today < five {
                weigh(Verdict::Erfuellt, r("neuzugewandert.unterFuenfJahre"));
            } else {
                weigh(Verdict::NichtErfuellt, r("neuzugewandert.fuenfJahre"));
            }
        }
    }
    match p.multiple_need_found_by_service {
        None => weigh(Verdict::Offen, missing("zielgruppe.fachberatungsstelle")),
        Some(true) => weigh(Verdict::Erfuellt, Reason::new("neuzugewandert.fachberatung")),
        Some(false) => weigh(Verdict::NichtErfuellt, Reason::new("neuzugewandert.keineFachberatung")),
    }
    let (y, m, d) = NEW_ARRIVAL_LIMITED_UNTIL;
    if let Some(limit) = Day::new(y, m, d).filter(|limit| today > *limit) {
        reasons.push(Reason::new("neuzugewandert.befristet").with("bis", limit.iso()));
    }
    (verdict, reasons)
}

/// The komplexer Hilfebedarf: "längerfristiger Unterstützungsbedarf", "verschiedene Akteure
/// und/oder unterschiedliche Interessen" and "Notwendigkeit einer Gesamtplanung", all three.
pub fn complex_need(p: &Person) -> GroupNeed {
    let marks = [
        (p.need.long_term, "hilfebedarf.laengerfristigerUnterstuetzungsbedarf"),
        (p.need.several_actors, "hilfebedarf.verschiedeneAkteure"),
        (p.need.overall_plan, "hilfebedarf.gesamtplanungNotwendig"),
    ];
    let mut reasons = Vec::new();
    let mut verdict = Verdict::Erfuellt;
    for (mark, field) in marks {
        match mark {
            Some(true) => reasons.push(Reason::new("hilfebedarf.ja").with("merkmal", field)),
            Some(false) => {
                verdict = Verdict::NichtErfuellt;
                reasons.push(Reason::new("hilfebedarf.nein").with("merkmal", field));
            }
            None => {
                if verdict == Verdict::Erfuellt {
                    verdict = Verdict::Offen;
                }
                reasons.push(missing(field));
            }
        }
    }
    GroupNeed { verdict, reasons }
}
