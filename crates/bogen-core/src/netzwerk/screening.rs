//! The facts of a [`Person`] as the Screeningbogen records them, so the browser and the command
//! line suggest from the same answers. Field keys are the form's API; an answer that is absent
//! or not readable (a half-typed date) is "not known", and the suggestion names it as missing.

use serde_json::Value;

use super::day::Day;
use super::person::{ComplexNeed, Person, Region, Status};

/// Reads the facts from Screeningbogen data (not the record envelope) on `today`. The region of
/// origin is read from `person.herkunftsregion` once the form has that field; until then it is
/// "not known" unless the caller sets [`Person::origin`] from elsewhere.
pub fn from_screening(data: &Value, today: Day) -> Person {
    let text = |pointer: &str| data.pointer(pointer).and_then(Value::as_str);
    let flag = |pointer: &str| data.pointer(pointer).and_then(Value::as_bool);
    let day = |pointer: &str| text(pointer).and_then(Day::parse);
    let born = day("/person/geburtsdatum");
    Person {
        age: born.and_then(|b| b.years_until(today)),
        status: text("/aufenthalt/status").and_then(Status::parse),
        entered: day("/person/einreisedatum"),
        uma_at_entry: flag("/aufenthalt/umaBeiEinreise"),
        origin: text("/person/herkunftsregion").and_then(Region::parse),
        permit_valid_until: day("/aufenthalt/gueltigBis"),
        multiple_need_found_by_service: text("/zielgruppe/fachberatungsstelle")
            .map(|s| !s.trim().is_empty())
            .filter(|found| *found),
        need: ComplexNeed {
            long_term: flag("/hilfebedarf/laengerfristigerUnterstuetzungsbedarf"),
            several_actors: flag("/hilfebedarf/verschiedeneAkteure"),
            overall_plan: flag("/hilfebedarf/gesamtplanungNotwendig"),
        },
        ..Person::default()
    }
}
