//! The offers a case manager chose to refer a person to, as the Screeningbogen stores them
//! (`ergebnis.verweisAngebote`): id, name, Träger and town copied from the directory, so a
//! record still says where the person was sent after the directory has changed or without it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::view::OfferView;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chosen {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traeger: Option<String>,
    /// The town's name, not its id: read by people in the PDF and in case stores.
    pub stadt: String,
}

impl Chosen {
    pub fn of(offer: &OfferView) -> Chosen {
        Chosen {
            id: offer.id.clone(),
            name: offer.name.clone(),
            traeger: offer.traeger.clone().filter(|t| !t.trim().is_empty()),
            stadt: offer.town.clone(),
        }
    }
}

/// The chosen offers in `value` (the list at `ergebnis.verweisAngebote`). Entries that are not
/// offers (edited by hand into something else) are left out here but stay in the data, where
/// validation names them.
pub fn read(value: Option<&Value>) -> Vec<Chosen> {
    value
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(|v| serde_json::from_value(v.clone()).ok()).collect())
        .unwrap_or_default()
}

/// The list after ticking (`on`) or unticking `offer`: the order of choosing is kept, an offer
/// is there once, and an empty list is `None` so the property disappears from the data.
pub fn toggle(current: Option<&Value>, offer: Chosen, on: bool) -> Option<Value> {
    let mut items: Vec<Value> = current.and_then(Value::as_array).cloned().unwrap_or_default();
    let same = |v: &Value| v.get("id").and_then(Value::as_str) == Some(offer.id.as_str());
    items.retain(|v| !same(v));
    if on {
        items.push(serde_json::to_value(&offer).unwrap_or(Value::Null));
    }
    (!items.is_empty()).then_some(Value::Array(items))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn jmd() -> Chosen {
        Chosen {
            id: "hilden-jmd".into(),
            name: "Jugendmigrationsdienst".into(),
            traeger: Some("AWO".into()),
            stadt: "Hilden".into(),
        }
    }

    #[test]
    fn ticking_adds_once_and_unticking_removes_the_property() {
        let once = toggle(None, jmd(), true);
        assert_eq!(
            once,
            Some(json!([{"id": "hilden-jmd", "name": "Jugendmigrationsdienst", "traeger": "AWO", "stadt": "Hilden"}]))
        );
        let twice = toggle(once.as_ref(), jmd(), true);
        assert_eq!(twice, once, "an offer is listed once");
        assert_eq!(toggle(twice.as_ref(), jmd(), false), None);
    }

    #[test]
    fn other_choices_keep_their_order() {
        let mbe = Chosen { id: "hilden-mbe".into(), name: "MBE".into(), traeger: None, stadt: "Hilden".into() };
        let both = toggle(toggle(None, jmd(), true).as_ref(), mbe.clone(), true);
        assert_eq!(read(both.as_ref()), vec![jmd(), mbe.clone()]);
        let left = toggle(both.as_ref(), jmd(), false);
        assert_eq!(read(left.as_ref()), vec![mbe]);
    }

    #[test]
    fn entries_that_are_no_offers_are_skipped_when_read() {
        let value = json!([{"id": "x"}, "text", {"id": "hilden-jmd", "name": "Jugendmigrationsdienst", "traeger": "AWO", "stadt": "Hilden"}]);
        assert_eq!(read(Some(&value)), vec![jmd()]);
        assert!(read(None).is_empty());
    }
}
