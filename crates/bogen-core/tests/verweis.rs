//! The referral finder against the concept's Anhang. The expected lists below were written by
//! reading the Anhang's tables town by town, not by running the finder: for each sample person,
//! the offers whose target group they are known to belong to (KIM itself never; offers that need
//! facts not given, such as living in a municipal shelter or receiving SGB II, not either).

use std::collections::BTreeSet;

use bogen_core::netzwerk::{find, Day, Directory, Person, Status};

fn directory() -> Directory {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../forms/netzwerk/angebote.json");
    Directory::from_json(&std::fs::read_to_string(&path).expect("directory")).expect("directory loads")
}

fn today() -> Day {
    Day::parse("2026-03-01").expect("day")
}

fn person(age: u32, status: Status) -> Person {
    Person { age: Some(age), status: Some(status), ..Person::default() }
}

fn ids(d: &Directory, town: &str, p: &Person) -> BTreeSet<String> {
    let found = find(d, town, p, today()).unwrap_or_else(|e| panic!("{e}"));
    assert!(found.iter().all(|r| !r.nachbarstadt), "{town}: the own town has offers, so no neighbour's");
    found.iter().map(|r| r.offer.id.clone()).collect()
}

fn set(town: &str, offers: &[&str]) -> BTreeSet<String> {
    offers.iter().map(|o| format!("{town}-{o}")).collect()
}

/// Young person of 19 with a residence permit: the JMD everywhere (12 to 27), the Velbert
/// Jugendberufsagentur (14 to 27), and the offers open to all.
#[test]
fn a_young_person_of_19() {
    let d = directory();
    let p = person(19, Status::Aufenthaltserlaubnis);
    let expected: [(&str, &[&str]); 10] = [
        ("erkrath", &["jmd"]),
        ("haan", &["jmd"]),
        ("heiligenhaus", &["jmd"]),
        ("hilden", &["stellwerk", "jmd", "floh"]),
        ("langenfeld", &["integrationsrat", "jmd"]),
        ("mettmann", &["jmd"]),
        ("monheim", &["jmd"]),
        ("ratingen", &["integrationsbeauftragte", "jmd"]),
        ("velbert", &["integrationsbeauftragte", "jmd", "jugendberufsagentur"]),
        ("wuelfrath", &["inga", "jmd"]),
    ];
    for (town, offers) in expected {
        assert_eq!(ids(&d, town, &p), set(town, offers), "{town}");
    }
    let hilden = find(&d, "Hilden", &p, today()).expect("Hilden");
    let jmd = hilden.iter().find(|r| r.offer.id == "hilden-jmd").expect("JMD");
    assert_eq!(jmd.reasons[0].code, "kriterium.alterVonBis");
    assert_eq!(jmd.reasons[0].param("alter"), Some("19"));
}

/// 40 years old with a settlement permit (secured residence): the MBE (from 27 with secured
/// residence; Erkrath and Ratingen have two), and the offers open to all.
#[test]
fn a_person_of_40_with_secured_residence() {
    let d = directory();
    let p = person(40, Status::Niederlassungserlaubnis);
    let expected: [(&str, &[&str]); 10] = [
        ("erkrath", &["mbe-diakonie", "mbe-caritasverband"]),
        ("haan", &["mbe-caritasverband"]),
        ("heiligenhaus", &["mbe-caritasverband"]),
        ("hilden", &["stellwerk", "mbe-caritasverband", "floh"]),
        ("langenfeld", &["integrationsrat", "mbe-caritasverband"]),
        ("mettmann", &["mbe-caritas"]),
        ("monheim", &["mbe-caritasverband"]),
        ("ratingen", &["integrationsbeauftragte", "mbe-diakonie", "mbe-caritasverband"]),
        ("velbert", &["integrationsbeauftragte", "mbe-caritas"]),
        ("wuelfrath", &["inga", "mbe-caritasverband"]),
    ];
    for (town, offers) in expected {
        assert_eq!(ids(&d, town, &p), set(town, offers), "{town}");
    }
    let mbe = find(&d, "ratingen", &p, today()).expect("Ratingen");
    let codes: Vec<&str> = mbe
        .iter()
        .find(|r| r.offer.id == "ratingen-mbe-diakonie")
        .expect("MBE")
        .reasons
        .iter()
        .map(|r| r.code)
        .collect();
    assert_eq!(codes, ["kriterium.alterAb", "kriterium.aufenthalt"]);
}

/// 35 years old with a Duldung: the Regionalberatung (without secured residence), the
/// Integration Point of the Agentur für Arbeit (Geduldete und Gestattete), Ankommen Plus and the
/// towns' offers for all refugees (a Duldung means the person fled), and the offers open to all.
/// Offers only for people in municipal shelters are not listed: that is not known.
#[test]
fn a_person_of_35_with_a_duldung() {
    let d = directory();
    let p = person(35, Status::Duldung);
    let common = ["integration-point-agentur", "regionalberatung", "ankommen-plus"];
    let expected: [(&str, &[&str]); 10] = [
        ("erkrath", &["fkfe"]),
        ("haan", &["sim"]),
        ("heiligenhaus", &[]),
        ("hilden", &["stellwerk", "ev-kirchengemeinde", "floh"]),
        ("langenfeld", &["integrationsrat", "integrationsbuero"]),
        ("mettmann", &["fluechtlingsberatung-diakonie"]),
        ("monheim", &["beratungscentrum"]),
        ("ratingen", &["integrationsbeauftragte"]),
        ("velbert", &["integrationsbeauftragte"]),
        ("wuelfrath", &["fluechtlingshilfe", "inga"]),
    ];
    for (town, offers) in expected {
        let all: Vec<&str> = offers.iter().chain(&common).copied().collect();
        assert_eq!(ids(&d, town, &p), set(town, &all), "{town}");
    }
    let regional = find(&d, "Velbert", &p, today()).expect("Velbert");
    let r = regional.iter().find(|r| r.offer.id == "velbert-regionalberatung").expect("Regionalberatung");
    assert_eq!(r.reasons[0].code, "kriterium.aufenthalt");
    assert_eq!(r.reasons[0].param("status"), Some("duldung"));
    assert_eq!(r.offer.raeume.as_deref(), Some("Talstr. 24"));
}

#[test]
fn facts_the_case_manager_adds_widen_the_list() {
    let d = directory();
    let p = Person { municipal_housing: Some(true), sgb2: Some(true), ..person(35, Status::Duldung) };
    let found = ids(&d, "Erkrath", &p);
    for offer in [
        "erkrath-fluechtlingsbetreuung",
        "erkrath-fluechtlingsberatung-diakonie",
        "erkrath-integration-point-jobcenter",
    ] {
        assert!(found.contains(offer), "{offer} in {found:?}");
    }
    assert!(!found.contains("erkrath-kim"), "KIM never refers to itself");
}

#[test]
fn neighbouring_towns_help_when_the_own_town_has_nothing() {
    let d = directory();
    // 30 years old with another status: nothing in Heiligenhaus fits. Of the neighbours,
    // Ratingen's and Velbert's Integrationsbeauftragte serve their own residents only, so the
    // Wülfrath INGA e.V., open to all, is suggested.
    let p = person(30, Status::Sonstige);
    let found = find(&d, "Heiligenhaus", &p, today()).expect("Heiligenhaus");
    let ids: Vec<&str> = found.iter().map(|r| r.offer.id.as_str()).collect();
    assert_eq!(ids, ["wuelfrath-inga"]);
    assert!(found[0].nachbarstadt);
    let last = found[0].reasons.last().expect("a reason");
    assert_eq!(
        (last.code, last.param("stadt"), last.param("wohnort")),
        ("angebot.nachbarstadt", Some("Wülfrath"), Some("Heiligenhaus"))
    );
}

#[test]
fn an_unknown_town_names_the_valid_ones() {
    let d = directory();
    let e = find(&d, "Solingen", &Person::default(), today()).expect_err("not in the Kreis");
    assert_eq!(e.valid.len(), 10);
    assert!(e.to_string().contains("Monheim am Rhein") && e.to_string().contains("Solingen"), "{e}");
    assert!(find(&d, "wuelfrath", &Person::default(), today()).is_ok());
    assert!(find(&d, "Monheim", &Person::default(), today()).is_ok());
}
