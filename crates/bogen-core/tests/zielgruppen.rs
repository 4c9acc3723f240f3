//! The five KIM Zielgruppen and the komplexer Hilfebedarf (concept section 3) at their
//! boundaries, and the facts read from Screeningbogen data.

use bogen_core::netzwerk::eligibility::{check, complex_need};
use bogen_core::netzwerk::{
    from_screening, suggest, ComplexNeed, Day, Person, Proposal, Region, Status, Verdict, Zielgruppe,
};
use bogen_core::Texts;
use serde_json::json;

fn day(iso: &str) -> Day {
    Day::parse(iso).expect(iso)
}

const TODAY: &str = "2026-03-01";

fn codes(group: Zielgruppe, p: &Person) -> (Verdict, Vec<&'static str>) {
    let c = check(group, p, day(TODAY));
    (c.verdict, c.reasons.iter().map(|r| r.code).collect())
}

fn complex() -> ComplexNeed {
    ComplexNeed { long_term: Some(true), several_actors: Some(true), overall_plan: Some(true) }
}

#[test]
fn uma_counts_the_age_at_entry_so_an_adult_today_still_belongs() {
    let adult = Person { uma_at_entry: Some(true), age: Some(20), ..Person::default() };
    assert_eq!(codes(Zielgruppe::Uma, &adult), (Verdict::Erfuellt, vec!["uma.ja", "uma.heuteVolljaehrig"]));
    let minor = Person { uma_at_entry: Some(true), age: Some(16), ..Person::default() };
    assert_eq!(codes(Zielgruppe::Uma, &minor), (Verdict::Erfuellt, vec!["uma.ja"]));
    let accompanied = Person { uma_at_entry: Some(false), age: Some(16), ..Person::default() };
    assert_eq!(codes(Zielgruppe::Uma, &accompanied).0, Verdict::NichtErfuellt);
    let unknown = check(Zielgruppe::Uma, &Person::default(), day(TODAY));
    assert_eq!(unknown.verdict, Verdict::Offen);
    assert_eq!(unknown.reasons[0].param("feld"), Some("aufenthalt.umaBeiEinreise"));
}

#[test]
fn bleiberecht_is_104c_25a_25b_and_a_permit_ending_soon_is_pointed_out() {
    for status in [Status::P104c, Status::P25a, Status::P25b] {
        let p = Person { status: Some(status), ..Person::default() };
        assert_eq!(codes(Zielgruppe::Bleiberecht, &p), (Verdict::Erfuellt, vec!["bleiberecht.status"]));
    }
    let at_risk =
        Person { status: Some(Status::P25b), permit_valid_until: Some(day("2026-05-31")), ..Person::default() };
    let c = check(Zielgruppe::Bleiberecht, &at_risk, day(TODAY));
    assert_eq!(c.verdict, Verdict::Erfuellt);
    assert_eq!(c.reasons[1].code, "bleiberecht.verlaengerungGefaehrdet");
    assert_eq!(c.reasons[1].param("gueltigBis"), Some("2026-05-31"));
    let expired = Person { permit_valid_until: Some(day("2026-02-28")), ..at_risk.clone() };
    assert_eq!(
        codes(Zielgruppe::Bleiberecht, &expired).1,
        ["bleiberecht.status", "bleiberecht.verlaengerungGefaehrdet"]
    );
    let safe = Person { permit_valid_until: Some(day("2026-09-01")), ..at_risk };
    assert_eq!(codes(Zielgruppe::Bleiberecht, &safe).1, ["bleiberecht.status"], "six months or more ahead");
    for status in [Status::Duldung, Status::Aufenthaltserlaubnis, Status::Eu] {
        let p = Person { status: Some(status), ..Person::default() };
        assert_eq!(codes(Zielgruppe::Bleiberecht, &p).0, Verdict::NichtErfuellt, "{status:?}");
    }
}

#[test]
fn suedosteuropa_needs_the_region_of_origin() {
    let from = |origin| Person { origin, ..Person::default() };
    assert_eq!(codes(Zielgruppe::Suedosteuropa, &from(Some(Region::Suedosteuropa))).0, Verdict::Erfuellt);
    assert_eq!(codes(Zielgruppe::Suedosteuropa, &from(Some(Region::Sonstige))).0, Verdict::NichtErfuellt);
    let unknown = check(Zielgruppe::Suedosteuropa, &from(None), day(TODAY));
    assert_eq!((unknown.verdict, unknown.reasons[0].param("feld")), (Verdict::Offen, Some("person.herkunftsregion")));
}

#[test]
fn duldung_and_gestattung_belong_from_the_27th_birthday() {
    let p = |status, age| Person { status: Some(status), age: Some(age), ..Person::default() };
    assert_eq!(codes(Zielgruppe::Duldunggestattung27, &p(Status::Duldung, 27)).0, Verdict::Erfuellt);
    assert_eq!(codes(Zielgruppe::Duldunggestattung27, &p(Status::Gestattung, 45)).0, Verdict::Erfuellt);
    assert_eq!(
        codes(Zielgruppe::Duldunggestattung27, &p(Status::Duldung, 26)),
        (Verdict::NichtErfuellt, vec!["duldunggestattung27.zuJung"])
    );
    assert_eq!(
        codes(Zielgruppe::Duldunggestattung27, &p(Status::Aufenthaltserlaubnis, 40)),
        (Verdict::NichtErfuellt, vec!["duldunggestattung27.status"])
    );
    let no_age = Person { status: Some(Status::Duldung), ..Person::default() };
    assert_eq!(codes(Zielgruppe::Duldunggestattung27, &no_age).0, Verdict::Offen);
}

#[test]
fn new_arrivals_are_adults_less_than_five_years_here_to_the_day() {
    let p = |age, entered: &str| Person {
        age: Some(age),
        entered: Some(day(entered)),
        multiple_need_found_by_service: Some(true),
        ..Person::default()
    };
    // Entered 2021-03-01: five years are full on 2026-03-01, today.
    assert_eq!(codes(Zielgruppe::Neuzugewandert, &p(30, "2021-03-01")).0, Verdict::NichtErfuellt);
    assert!(codes(Zielgruppe::Neuzugewandert, &p(30, "2021-03-01")).1.contains(&"neuzugewandert.fuenfJahre"));
    // One day later the entry: still less than five years.
    assert_eq!(codes(Zielgruppe::Neuzugewandert, &p(30, "2021-03-02")).0, Verdict::Erfuellt);
    // Exactly 18 belongs, 17 does not.
    assert_eq!(codes(Zielgruppe::Neuzugewandert, &p(18, "2024-01-01")).0, Verdict::Erfuellt);
    assert_eq!(codes(Zielgruppe::Neuzugewandert, &p(17, "2024-01-01")).0, Verdict::NichtErfuellt);
    // Without the finding of a counselling service it is open.
    let unfound = Person { multiple_need_found_by_service: None, ..p(30, "2024-01-01") };
    let c = check(Zielgruppe::Neuzugewandert, &unfound, day(TODAY));
    assert_eq!(c.verdict, Verdict::Offen);
    assert!(c.reasons.iter().any(|r| r.param("feld") == Some("zielgruppe.fachberatungsstelle")));
    // The group was limited until the end of 2024: after that the suggestion says so.
    assert!(codes(Zielgruppe::Neuzugewandert, &p(30, "2024-01-01")).1.contains(&"neuzugewandert.befristet"));
    let before = check(Zielgruppe::Neuzugewandert, &p(30, "2024-01-01"), day("2024-12-31"));
    assert!(before.reasons.iter().all(|r| r.code != "neuzugewandert.befristet"));
}

#[test]
fn the_complex_need_needs_all_three_marks() {
    let need = |n: ComplexNeed| complex_need(&Person { need: n, ..Person::default() }).verdict;
    assert_eq!(need(complex()), Verdict::Erfuellt);
    assert_eq!(need(ComplexNeed { several_actors: Some(false), ..complex() }), Verdict::NichtErfuellt);
    assert_eq!(need(ComplexNeed { overall_plan: None, ..complex() }), Verdict::Offen);
    assert_eq!(need(ComplexNeed { overall_plan: None, long_term: Some(false), ..complex() }), Verdict::NichtErfuellt);
}

#[test]
fn the_proposal_needs_a_group_and_the_complex_need() {
    let today = day(TODAY);
    let duldung = Person { status: Some(Status::Duldung), age: Some(35), need: complex(), ..Person::default() };
    let s = suggest(&duldung, today);
    assert_eq!(s.proposal, Proposal::Aufnahme);
    assert_eq!(s.matching(), [Zielgruppe::Duldunggestattung27]);
    let simple = Person { need: ComplexNeed { long_term: Some(false), ..complex() }, ..duldung.clone() };
    assert_eq!(suggest(&simple, today).proposal, Proposal::Verweis);
    let unknown_need = Person { need: ComplexNeed::default(), ..duldung };
    assert_eq!(suggest(&unknown_need, today).proposal, Proposal::Offen);
    let settled = Person {
        status: Some(Status::Niederlassungserlaubnis),
        age: Some(40),
        uma_at_entry: Some(false),
        origin: Some(Region::Sonstige),
        entered: Some(day("2010-01-01")),
        need: complex(),
        ..Person::default()
    };
    let s = suggest(&settled, today);
    assert_eq!(s.proposal, Proposal::Verweis);
    assert!(s.matching().is_empty());
}

#[test]
fn screening_data_gives_the_facts() {
    let data = json!({
        "person": { "geburtsdatum": "1999-03-02", "einreisedatum": "2022-03-01", "herkunftsregion": "suedosteuropa" },
        "aufenthalt": { "status": "p25b", "gueltigBis": "2026-04-30", "umaBeiEinreise": false },
        "zielgruppe": { "zielgruppen": ["bleiberecht"], "fachberatungsstelle": "Caritas Migrationsdienst" },
        "hilfebedarf": { "laengerfristigerUnterstuetzungsbedarf": true, "verschiedeneAkteure": true, "gesamtplanungNotwendig": false },
        "ergebnis": { "entscheidung": "offen" }
    });
    let p = from_screening(&data, day(TODAY));
    assert_eq!(p.age, Some(26), "the 27th birthday is tomorrow");
    assert_eq!(p.status, Some(Status::P25b));
    assert_eq!(p.entered, Some(day("2022-03-01")));
    assert_eq!(p.uma_at_entry, Some(false));
    assert_eq!(p.origin, Some(Region::Suedosteuropa));
    assert_eq!(p.permit_valid_until, Some(day("2026-04-30")));
    assert_eq!(p.multiple_need_found_by_service, Some(true));
    assert_eq!(p.need.overall_plan, Some(false));
    let s = suggest(&p, day(TODAY));
    assert_eq!(s.matching(), [Zielgruppe::Bleiberecht, Zielgruppe::Suedosteuropa, Zielgruppe::Neuzugewandert]);
    assert_eq!(s.proposal, Proposal::Verweis, "no Gesamtplanung, so no complex need");

    let half_typed = json!({ "person": { "geburtsdatum": "12.03." }, "aufenthalt": { "status": "duldung" } });
    let p = from_screening(&half_typed, day(TODAY));
    assert_eq!((p.age, p.status), (None, Some(Status::Duldung)));
    let c = check(Zielgruppe::Duldunggestattung27, &p, day(TODAY));
    assert_eq!((c.verdict, c.reasons[0].param("feld")), (Verdict::Offen, Some("person.geburtsdatum")));
}

#[test]
fn every_reason_reads_as_a_sentence_in_german_and_english() {
    let forms = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../forms/netzwerk/i18n");
    let people = [
        Person::default(),
        Person {
            uma_at_entry: Some(true),
            age: Some(19),
            status: Some(Status::P25a),
            permit_valid_until: Some(day("2026-01-01")),
            ..Person::default()
        },
        Person {
            uma_at_entry: Some(false),
            age: Some(17),
            status: Some(Status::Duldung),
            origin: Some(Region::Sonstige),
            entered: Some(day("2015-01-01")),
            multiple_need_found_by_service: Some(false),
            need: ComplexNeed { long_term: Some(false), ..complex() },
            ..Person::default()
        },
        Person {
            age: Some(30),
            status: Some(Status::Gestattung),
            origin: Some(Region::Suedosteuropa),
            entered: Some(day("2025-01-01")),
            multiple_need_found_by_service: Some(true),
            need: complex(),
            ..Person::default()
        },
        Person { status: Some(Status::Eu), age: Some(40), ..Person::default() },
    ];
    for lang in ["de", "en"] {
        let texts = Texts::from_json(&std::fs::read_to_string(forms.join(format!("{lang}.json"))).expect("texts"))
            .expect("texts parse");
        for p in &people {
            let s = suggest(p, day(TODAY));
            let reasons = s.zielgruppen.iter().flat_map(|g| &g.reasons).chain(&s.hilfebedarf.reasons);
            for r in reasons {
                let text = r.text(&texts);
                assert!(!text.contains('{') && !text.starts_with("netzwerk."), "{lang}: {text}");
                if let Some(status) = r.param("status") {
                    let label = texts.ui.get(&format!("netzwerk.wert.status.{status}")).expect("a label per status");
                    assert!(text.contains(label.as_str()), "{lang}: {text}");
                }
                assert!(!text.contains("2026-01-01"), "dates are shown as TT.MM.JJJJ: {text}");
            }
        }
    }
}
