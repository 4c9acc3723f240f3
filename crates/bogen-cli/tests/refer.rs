//! `bogen refer` and `bogen eligibility` as a case manager's script calls them.

mod support;

use serde_json::Value;
use support::*;

fn ids(run: &Run) -> Vec<String> {
    run.json().as_array().expect("an array").iter().map(|o| o["id"].as_str().unwrap_or_default().to_owned()).collect()
}

#[test]
fn refer_lists_the_offers_of_the_town_with_name_traeger_town_and_reasons() {
    let run = bogen(&["refer", "--town", "Hilden", "--age", "34", "--status", "duldung", "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        ids(&run),
        [
            "hilden-stellwerk",
            "hilden-ev-kirchengemeinde",
            "hilden-floh",
            "hilden-integration-point-agentur",
            "hilden-regionalberatung",
            "hilden-ankommen-plus"
        ]
    );
    let list = run.json();
    let regional = &list[4];
    assert_eq!(regional["name"], "Regionalberatung / Flüchtlingsberatung");
    assert_eq!(regional["traeger"], "Flüchtlingshilfe Velbert e.V.");
    assert_eq!(regional["town"], "Hilden");
    assert_eq!(regional["reasons"][0]["code"], "kriterium.aufenthalt");
    assert_eq!(regional["reasons"][0]["params"]["status"], "duldung");
    assert!(regional["reasons"][0]["text"].as_str().unwrap_or_default().contains("Duldung"));

    let text = bogen(&["refer", "--town", "Hilden", "--age", "34", "--status", "duldung"]);
    assert_eq!(text.code, 0, "{text:?}");
    assert!(text.stdout.contains("Regionalberatung / Flüchtlingsberatung — Flüchtlingshilfe Velbert e.V. (Hilden)"));
    assert!(text.stdout.contains("  rooms: Mittelstr. 40"), "{text:?}");
}

#[test]
fn town_names_are_accepted_as_people_type_them() {
    for town in ["Monheim am Rhein", "monheim", "MONHEIM"] {
        let run = bogen(&["refer", "--town", town, "--age", "19", "--status", "eu", "--json"]);
        assert_eq!(ids(&run), ["monheim-jmd"], "{town}");
    }
    for town in ["Wülfrath", "wuelfrath", "wülfrath"] {
        let run = bogen(&["refer", "--town", town, "--age", "40", "--status", "niederlassungserlaubnis", "--json"]);
        assert_eq!(ids(&run), ["wuelfrath-inga", "wuelfrath-mbe-caritasverband"], "{town}");
    }
}

#[test]
fn flags_add_facts_and_statuses_take_both_spellings() {
    let run =
        bogen(&["refer", "--town", "Erkrath", "--age", "35", "--status", "duldung", "--sgb2", "--housing", "--json"]);
    let found = ids(&run);
    assert!(found.contains(&"erkrath-integration-point-jobcenter".to_owned()), "{found:?}");
    assert!(found.contains(&"erkrath-fluechtlingsbetreuung".to_owned()), "{found:?}");
    let a = bogen(&["refer", "--town", "Velbert", "--age", "30", "--status", "25b", "--json"]);
    let b = bogen(&["refer", "--town", "Velbert", "--age", "30", "--status", "p25b", "--json"]);
    assert_eq!(ids(&a), ids(&b));
    assert!(ids(&a).contains(&"velbert-regionalberatung".to_owned()));
    let soe =
        bogen(&["refer", "--town", "Velbert", "--age", "40", "--status", "eu", "--origin", "suedosteuropa", "--json"]);
    assert!(ids(&soe).contains(&"velbert-projektbuero-suedosteuropa".to_owned()));
}

#[test]
fn unknown_towns_and_statuses_are_errors_naming_the_valid_values() {
    let run = bogen(&["refer", "--town", "Solingen", "--age", "34"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("\"Solingen\"") && run.stderr.contains("Monheim am Rhein, Ratingen, Velbert, Wülfrath")
    );
    let run = bogen(&["refer", "--town", "Hilden", "--status", "asyl", "--json"]);
    assert_eq!(run.code, 2, "{run:?}");
    let message = run.json()["error"].as_str().unwrap_or_default().to_owned();
    assert!(message.contains("\"asyl\"") && message.contains("duldung, gestattung, 104c, 25a, 25b"), "{message}");
    let run = bogen(&["refer", "--town", "Hilden", "--entered", "1.3.2022"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("--entered"), "{run:?}");
}

#[test]
fn another_directory_is_used_and_checked() {
    let dir = temp();
    let mut directory: Value =
        serde_json::from_str(&std::fs::read_to_string(forms_dir().join("netzwerk/angebote.json")).expect("directory"))
            .expect("JSON");
    directory["angebote"] = serde_json::json!([{
        "id": "haan-test", "stadt": "haan", "art": "allgemein", "name": "Testberatung", "traeger": "Test e.V.",
        "zielgruppe": { "wortlaut": "alle", "kriterien": [{}] },
        "kontakt": { "telefon": "02129 0000" }
    }]);
    let file = write(&dir, "angebote.json", directory.to_string());
    let run = bogen(&["refer", "--town", "Haan", "--directory", &file, "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(ids(&run), ["haan-test"]);
    assert_eq!(run.json()[0]["contact"]["telefon"], "02129 0000");
    let text = bogen(&["refer", "--town", "Haan", "--directory", &file]);
    assert!(text.stdout.contains("  phone: 02129 0000"), "{text:?}");

    directory["angebote"][0]["stadt"] = serde_json::json!("solingen");
    let broken = write(&dir, "broken.json", directory.to_string());
    let run = bogen(&["refer", "--town", "Haan", "--directory", &broken]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("/angebote/0/stadt"), "{run:?}");
}

#[test]
fn eligibility_explains_the_suggestion_from_a_screening() {
    let dir = temp();
    let data = serde_json::json!({
        "person": { "geburtsdatum": "1999-03-01", "einreisedatum": "2023-01-10" },
        "aufenthalt": { "status": "gestattung", "umaBeiEinreise": false },
        "hilfebedarf": { "laengerfristigerUnterstuetzungsbedarf": true, "verschiedeneAkteure": true, "gesamtplanungNotwendig": true },
        "ergebnis": { "entscheidung": "offen" }
    });
    let file = write(&dir, "screening.json", data.to_string());
    let run = bogen(&["eligibility", "--today", "2026-03-01", "--origin", "sonstige", &file, "--json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let s = run.json();
    assert_eq!(s["proposal"], "aufnahme");
    let verdict = |i: usize| s["zielgruppen"][i]["verdict"].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        (0..5).map(verdict).collect::<Vec<_>>(),
        ["nichterfuellt", "nichterfuellt", "nichterfuellt", "erfuellt", "offen"]
    );
    assert_eq!(s["zielgruppen"][3]["reasons"][0]["params"]["alter"], "27");

    let german = bogen(&["eligibility", "--today", "2026-03-01", "--lang", "de", &file]);
    assert_eq!(german.code, 0, "{german:?}");
    assert!(german.stdout.starts_with("Vorschlag: "), "{german:?}");
    assert!(german.stdout.contains("Angabe fehlt: Herkunftsregion."), "{german:?}");

    let other = write(&dir, "other.json", r#"{"format":"bogen-record","form":{"id":"hilfeplan"},"data":{}}"#);
    let run = bogen(&["eligibility", &other]);
    assert_eq!(run.code, 2, "{run:?}");
}
