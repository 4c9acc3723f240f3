//! The directory of Beratungsangebote (`forms/netzwerk/angebote.json`): data that Träger keep up
//! to date without touching code. Loading checks it against its schema and then against what a
//! schema cannot say (every town an offer names exists, neighbours are mutual, ids are unique),
//! so a broken edit is refused with the JSON pointer of the mistake instead of giving wrong
//! referrals.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::person::Status;
use crate::limits::{self, JsonError};
#[cfg(feature = "jsonschema")]
use crate::validation::Validator;

/// The directory's JSON Schema, compiled into core so no directory escapes the check.
pub const SCHEMA: &str = include_str!("../../../../forms/netzwerk/schema.json");

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Directory {
    /// Month the entries were last checked, `JJJJ-MM`.
    pub stand: String,
    pub quelle: String,
    pub staedte: Vec<Town>,
    pub angebote: Vec<Offer>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Town {
    pub id: String,
    pub name: String,
    /// Ids of the towns in the Kreis that share a border with this one.
    pub nachbarn: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Offer {
    pub id: String,
    pub stadt: String,
    pub art: Kind,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traeger: Option<String>,
    pub zielgruppe: TargetGroup,
    /// Only for people living in the offer's town (municipal services, municipal shelters).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nur_einwohner: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schwerpunkt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raeume: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vernetzung: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kontakt: Option<Contact>,
}

/// The concept's two kinds of tables, and KIM itself, which is never a referral out of KIM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Allgemein,
    Spezialisiert,
    Kim,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct TargetGroup {
    /// The wording of the source, shown next to the reasons.
    pub wortlaut: String,
    /// Alternatives: a person belongs if they meet every condition of at least one.
    #[serde(default)]
    pub kriterien: Vec<Criteria>,
}

/// Conditions of one alternative; an absent condition does not restrict.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Criteria {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alter_min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alter_max: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aufenthalt: Option<Vec<Status>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fluchthintergrund: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staedtische_unterkunft: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wohnungslos: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sgb2: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub herkunftsregion: Option<super::person::Region>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anliegen: Option<super::person::Concern>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monate_seit_einreise_hoechstens: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jahre_seit_einreise_unter: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telefon: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sprechzeiten: Option<String>,
}

/// Why a directory was refused. Every problem names its JSON pointer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DirectoryError {
    #[error(transparent)]
    Json(#[from] JsonError),
    #[error("{}", .0.iter().map(|p| format!("{}: {}", p.pointer, p.problem)).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
}

/// One mistake in a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub pointer: String,
    pub problem: String,
}

impl Directory {
    /// Parses and checks a directory.
    pub fn from_json(text: &str) -> Result<Directory, DirectoryError> {
        let value = limits::parse_json(text)?;
        Directory::from_value(&value)
    }

    /// Checks a directory against its schema and its own cross-references.
    ///
    /// Without the `jsonschema` feature (the browser's form module) the schema is not applied:
    /// the directory documents it reads were checked against it by `cargo xtask build`, and
    /// their shape and cross-references are still checked here.
    pub fn from_value(value: &Value) -> Result<Directory, DirectoryError> {
        #[cfg(feature = "jsonschema")]
        Directory::check_schema(value)?;
        let directory: Directory = serde_json::from_value(value.clone()).map_err(|e| invalid("", e.to_string()))?;
        let problems = directory.consistency();
        if problems.is_empty() {
            Ok(directory)
        } else {
            Err(DirectoryError::Invalid(problems))
        }
    }

    #[cfg(feature = "jsonschema")]
    fn check_schema(value: &Value) -> Result<(), DirectoryError> {
        let schema: Value = serde_json::from_str(SCHEMA).map_err(|e| invalid("", format!("schema: {e}")))?;
        let validator = Validator::compile(&schema).map_err(|e| invalid("", e.to_string()))?;
        let violations = validator.violations(value);
        if !violations.is_empty() {
            let problems = violations
                .into_iter()
                .map(|v| Problem { pointer: v.pointer, problem: describe(&v.keyword, &v.params) })
                .collect();
            return Err(DirectoryError::Invalid(problems));
        }
        Ok(())
    }

    /// What the schema cannot check: references between entries.
    fn consistency(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut town_ids = BTreeSet::new();
        for (i, town) in self.staedte.iter().enumerate() {
            if !town_ids.insert(town.id.as_str()) {
                problems.push(problem(format!("/staedte/{i}/id"), format!("town id {:?} appears twice", town.id)));
            }
        }
        for (i, town) in self.staedte.iter().enumerate() {
            for (j, n) in town.nachbarn.iter().enumerate() {
                let at = format!("/staedte/{i}/nachbarn/{j}");
                match self.town_by_id(n) {
                    None => problems.push(problem(at, format!("no town has the id {n:?}"))),
                    Some(other) if other.id == town.id => problems.push(problem(at, "a town is not its own neighbour")),
                    Some(other) if !other.nachbarn.contains(&town.id) => problems.push(problem(
                        at,
                        format!("{:?} does not list {:?} as its neighbour; neighbours are mutual", other.id, town.id),
                    )),
                    Some(_) => {}
                }
            }
        }
        let mut offer_ids = BTreeSet::new();
        for (i, offer) in self.angebote.iter().enumerate() {
            if !offer_ids.insert(offer.id.as_str()) {
                problems.push(problem(format!("/angebote/{i}/id"), format!("offer id {:?} appears twice", offer.id)));
            }
            if self.town_by_id(&offer.stadt).is_none() {
                problems.push(problem(format!("/angebote/{i}/stadt"), format!("no town has the id {:?}", offer.stadt)));
            }
            for (j, c) in offer.zielgruppe.kriterien.iter().enumerate() {
                if let (Some(min), Some(max)) = (c.alter_min, c.alter_max) {
                    if min > max {
                        problems.push(problem(
                            format!("/angebote/{i}/zielgruppe/kriterien/{j}/alterMin"),
                            format!("alterMin {min} is above alterMax {max}"),
                        ));
                    }
                }
            }
        }
        problems
    }

    pub fn town_by_id(&self, id: &str) -> Option<&Town> {
        self.staedte.iter().find(|t| t.id == id)
    }

    /// A town by its id or name as people type it: any case, umlauts or their ASCII spelling,
    /// and the first word of a longer name ("Monheim am Rhein", "monheim", "Wülfrath", "wuelfrath").
    pub fn town(&self, query: &str) -> Option<&Town> {
        let wanted = fold(query);
        if wanted.is_empty() {
            return None;
        }
        self.staedte.iter().find(|t| {
            let name = fold(&t.name);
            wanted == fold(&t.id) || wanted == name || name.split(' ').next() == Some(wanted.as_str())
        })
    }

    /// The towns' names, for messages that list the valid ones.
    pub fn town_names(&self) -> Vec<&str> {
        self.staedte.iter().map(|t| t.name.as_str()).collect()
    }

    pub fn offers_in<'a>(&'a self, town: &'a str) -> impl Iterator<Item = &'a Offer> + 'a {
        self.angebote.iter().filter(move |o| o.stadt == town)
    }
}

/// Lower case with umlauts spelt out and runs of spaces collapsed.
fn fold(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    let spelt = lower.replace('ä', "ae").replace('ö', "oe").replace('ü', "ue").replace('ß', "ss");
    spelt.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn problem(pointer: String, what: impl Into<String>) -> Problem {
    Problem { pointer, problem: what.into() }
}

fn invalid(pointer: &str, what: String) -> DirectoryError {
    DirectoryError::Invalid(vec![problem(pointer.to_owned(), what)])
}

/// An English sentence for a schema violation: the directory is edited by Träger staff and
/// checked by administrators, who read the command line's English.
#[cfg(feature = "jsonschema")]
fn describe(keyword: &str, params: &[(&'static str, String)]) -> String {
    let param = |name: &str| params.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str()).unwrap_or("?");
    match keyword {
        "required" => "is required".to_owned(),
        "additionalProperties" | "unevaluatedProperties" => "is not a known property".to_owned(),
        "enum" | "const" => "is not one of the allowed values".to_owned(),
        "type" => format!("must be of type {}", param("expected")),
        "pattern" => format!("does not match the pattern {}", param("pattern")),
        "format" => format!("is not a valid {}", param("format")),
        "minLength" | "minItems" | "minimum" | "minProperties" => format!("is below the minimum of {}", param("limit")),
        "maxLength" | "maxItems" | "maximum" | "maxProperties" => format!("is above the maximum of {}", param("limit")),
        other => format!("breaks the rule {other:?} of the directory schema"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Value {
        serde_json::json!({
            "stand": "2023-11",
            "quelle": "Test",
            "staedte": [
                { "id": "haan", "name": "Haan", "nachbarn": ["hilden"] },
                { "id": "hilden", "name": "Hilden", "nachbarn": ["haan"] },
                { "id": "monheim", "name": "Monheim am Rhein", "nachbarn": [] }
            ],
            "angebote": [{
                "id": "haan-jmd", "stadt": "haan", "art": "allgemein", "name": "JMD",
                "zielgruppe": { "wortlaut": "12 bis 27", "kriterien": [{ "alterMin": 12, "alterMax": 27 }] }
            }]
        })
    }

    fn problems(value: &Value) -> Vec<Problem> {
        match Directory::from_value(value) {
            Err(DirectoryError::Invalid(p)) => p,
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn a_well_formed_directory_loads() {
        let d = Directory::from_value(&minimal()).expect("loads");
        assert_eq!(d.angebote[0].zielgruppe.kriterien[0].alter_max, Some(27));
    }

    #[test]
    fn schema_violations_name_their_pointer() {
        let mut v = minimal();
        v["angebote"][0]["zielgruppe"]["kriterien"][0]["alterMin"] = serde_json::json!("zwölf");
        v["angebote"][0]["ort"] = serde_json::json!("x");
        let p = problems(&v);
        assert!(p.iter().any(|p| p.pointer == "/angebote/0/zielgruppe/kriterien/0/alterMin"), "{p:?}");
        assert!(p.iter().any(|p| p.pointer == "/angebote/0/ort" && p.problem.contains("not a known")), "{p:?}");
    }

    #[test]
    fn an_offer_without_criteria_must_be_kim() {
        let mut v = minimal();
        v["angebote"][0]["zielgruppe"] = serde_json::json!({ "wortlaut": "alle" });
        assert!(problems(&v).iter().any(|p| p.pointer == "/angebote/0/zielgruppe/kriterien"));
        v["angebote"][0]["art"] = serde_json::json!("kim");
        assert!(Directory::from_value(&v).is_ok());
    }

    #[test]
    fn references_between_entries_are_checked() {
        let mut v = minimal();
        v["angebote"][0]["stadt"] = serde_json::json!("solingen");
        v["staedte"][1]["nachbarn"] = serde_json::json!([]);
        v["angebote"][0]["zielgruppe"]["kriterien"][0]["alterMin"] = serde_json::json!(30);
        let p = problems(&v);
        let pointers: Vec<&str> = p.iter().map(|p| p.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            ["/staedte/0/nachbarn/0", "/angebote/0/stadt", "/angebote/0/zielgruppe/kriterien/0/alterMin"]
        );
    }

    #[test]
    fn towns_are_found_as_people_type_them() {
        let d = Directory::from_value(&minimal()).expect("loads");
        for q in ["Monheim am Rhein", "monheim", "MONHEIM  am rhein"] {
            assert_eq!(d.town(q).map(|t| t.id.as_str()), Some("monheim"), "{q}");
        }
        assert_eq!(d.town("HILDEN").map(|t| t.id.as_str()), Some("hilden"));
        assert!(d.town("Solingen").is_none());
        assert!(d.town(" ").is_none());
    }
}
