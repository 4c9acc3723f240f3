//! What is known about a person at intake: the facts the Zielgruppen and the offers' criteria
//! ask for. Every fact is optional, because intake happens on the phone with half the answers:
//! a rule that needs a missing fact says so instead of guessing.

use serde::{Deserialize, Serialize};

use super::day::Day;

/// Residence status, with the codes of the Screeningbogen (`aufenthalt.status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Duldung,
    Gestattung,
    P104c,
    P25a,
    P25b,
    Aufenthaltserlaubnis,
    Niederlassungserlaubnis,
    Eu,
    Sonstige,
}

impl Status {
    pub const ALL: [Status; 9] = [
        Status::Duldung,
        Status::Gestattung,
        Status::P104c,
        Status::P25a,
        Status::P25b,
        Status::Aufenthaltserlaubnis,
        Status::Niederlassungserlaubnis,
        Status::Eu,
        Status::Sonstige,
    ];

    /// The code as the Screeningbogen stores it.
    pub fn code(self) -> &'static str {
        match self {
            Status::Duldung => "duldung",
            Status::Gestattung => "gestattung",
            Status::P104c => "p104c",
            Status::P25a => "p25a",
            Status::P25b => "p25b",
            Status::Aufenthaltserlaubnis => "aufenthaltserlaubnis",
            Status::Niederlassungserlaubnis => "niederlassungserlaubnis",
            Status::Eu => "eu",
            Status::Sonstige => "sonstige",
        }
    }

    /// Reads a code; the paragraphs may also be given without the `p` (`104c`, `25a`, `25b`), as
    /// case managers say them.
    pub fn parse(text: &str) -> Option<Status> {
        let text = text.trim().to_lowercase();
        let text = text.trim_start_matches('§').trim();
        Status::ALL.into_iter().find(|s| s.code() == text || s.code().strip_prefix('p') == Some(text))
    }

    /// Duldung, Gestattung and the statuses the concept names for formerly tolerated people
    /// (§ 104c, §§ 25a, 25b) are held only by people who fled.
    pub fn implies_refugee(self) -> bool {
        matches!(self, Status::Duldung | Status::Gestattung | Status::P104c | Status::P25a | Status::P25b)
    }
}

/// Region of origin (`person.herkunftsregion`); only South-Eastern Europe is a Zielgruppe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    Suedosteuropa,
    Sonstige,
}

impl Region {
    /// Reads a code of `person.herkunftsregion`: every region but South-Eastern Europe is
    /// "another region"; `keineangabe` (no answer) and unknown words are not known.
    pub fn parse(text: &str) -> Option<Region> {
        match text.trim().to_lowercase().as_str() {
            "suedosteuropa" | "südosteuropa" => Some(Region::Suedosteuropa),
            "sonstige" | "osteuropa" | "uebrigeseuropa" | "nahostnordafrika" | "subsaharaafrika" | "asien"
            | "amerika" => Some(Region::Sonstige),
            _ => None,
        }
    }
}

/// A concern some specialised offers are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Concern {
    /// Experiences of everyday racism and discrimination.
    Diskriminierung,
}

impl Concern {
    pub fn parse(text: &str) -> Option<Concern> {
        (text.trim().to_lowercase() == "diskriminierung").then_some(Concern::Diskriminierung)
    }
}

/// The three marks of a komplexer Hilfebedarf (concept section 3; screening `hilfebedarf`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplexNeed {
    /// Längerfristiger Unterstützungsbedarf.
    pub long_term: Option<bool>,
    /// Verschiedene Akteure und/oder unterschiedliche Interessen.
    pub several_actors: Option<bool>,
    /// Notwendigkeit einer Gesamtplanung.
    pub overall_plan: Option<bool>,
}

/// The facts about one person; `None` is "not known".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub age: Option<u32>,
    pub status: Option<Status>,
    pub entered: Option<Day>,
    /// Unaccompanied and under age when entering Germany.
    pub uma_at_entry: Option<bool>,
    pub origin: Option<Region>,
    /// Fled to Germany; implied by some statuses and by UMA.
    pub refugee: Option<bool>,
    /// Lives in a municipal shelter or a flat the town rents.
    pub municipal_housing: Option<bool>,
    pub homeless: Option<bool>,
    /// Receives benefits under SGB II (Jobcenter).
    pub sgb2: Option<bool>,
    pub concerns: Vec<Concern>,
    /// Until when the residence permit is valid (`aufenthalt.gueltigBis`).
    pub permit_valid_until: Option<Day>,
    /// A counselling service (Fachberatungsstelle) found a multiple need (Zielgruppe 5).
    pub multiple_need_found_by_service: Option<bool>,
    pub need: ComplexNeed,
}

impl Person {
    /// Whether the person fled: said outright, or implied by the status or by UMA.
    pub fn is_refugee(&self) -> Option<bool> {
        if self.status.is_some_and(Status::implies_refugee) || self.uma_at_entry == Some(true) {
            return Some(true);
        }
        self.refugee
    }

    /// Whole months since entry on `today`.
    pub fn months_since_entry(&self, today: Day) -> Option<u32> {
        self.entered?.months_until(today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_of_the_screeningbogen_reads() {
        assert_eq!(Region::parse("suedosteuropa"), Some(Region::Suedosteuropa));
        for code in ["osteuropa", "uebrigeseuropa", "nahostnordafrika", "subsaharaafrika", "asien", "amerika"] {
            assert_eq!(Region::parse(code), Some(Region::Sonstige), "{code}");
        }
        assert_eq!(Region::parse("keineangabe"), None);
        assert_eq!(Region::parse("balkan"), None);
    }

    #[test]
    fn statuses_read_with_and_without_the_p() {
        assert_eq!(Status::parse("104c"), Some(Status::P104c));
        assert_eq!(Status::parse("p25b"), Some(Status::P25b));
        assert_eq!(Status::parse("Duldung"), Some(Status::Duldung));
        assert_eq!(Status::parse("25"), None);
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
    }
}
