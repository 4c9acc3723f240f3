//! The rules of each form: targeted invalid changes are refused with the right message at the
//! right field.

mod support;

use serde_json::json;
use std::collections::BTreeSet;

use support::*;

#[test]
fn screening_rules() {
    let form = bundle("screening");
    let full = example("screening", "full");
    let minimal = example("screening", "minimal");

    let m = message_at(&form, &with(&full, "/erstgespraech/datum", Some(json!("2024-02-30"))), "/erstgespraech/datum");
    assert!(m.contains("Datum des Erstgesprächs") && m.contains("TT.MM.JJJJ"), "{m}");
    let m = message_at(&form, &with(&minimal, "/erstgespraech/datum", None), "/erstgespraech/datum");
    assert_eq!(m, own_message(&form, "erstgespraech.datum", "required"));
    let m =
        message_at(&form, &with(&full, "/erstgespraech/kommune", Some(json!("duesseldorf"))), "/erstgespraech/kommune");
    assert_eq!(m, own_message(&form, "erstgespraech.kommune", "enum"));
    let m = message_at(&form, &with(&full, "/person/vorname", None), "/person/vorname");
    assert_eq!(m, "Bitte geben Sie den Vornamen an.");
    message_at(&form, &with(&full, "/person/name", Some(json!(""))), "/person/name");
    message_at(&form, &with(&full, "/person/name", Some(json!("x".repeat(10_000)))), "/person/name");
    message_at(&form, &with(&full, "/person/adresse/plz", Some(json!("4055"))), "/person/adresse/plz");
    message_at(&form, &with(&full, "/person/email", Some(json!("ionela.munteanu"))), "/person/email");
    message_at(&form, &with(&full, "/person/spitzname", Some(json!("Ioni"))), "/person/spitzname");
    message_at(&form, &with(&full, "/haushalt/personenImHaushalt", Some(json!(0))), "/haushalt/personenImHaushalt");
    message_at(&form, &with(&full, "/haushalt/kinder/1/vorname", None), "/haushalt/kinder/1/vorname");

    // "Sonstiges" needs an explanation; a referral names who referred; interpreting names the language.
    let other = with(&minimal, "/erstgespraech/zugangsweg", Some(json!("sonstiges")));
    let m = message_at(&form, &other, "/erstgespraech/zugangswegErlaeuterung");
    assert_eq!(m, own_message(&form, "erstgespraech.zugangswegErlaeuterung", "required"));
    assert!(form.is_valid(&with(&other, "/erstgespraech/zugangswegErlaeuterung", Some(json!("Stadtteilfest")))));
    let referred = with(&minimal, "/erstgespraech/zugangsweg", Some(json!("prozessvereinbarung")));
    message_at(&form, &referred, "/erstgespraech/verweisendeStelle");
    let interpreted = with(&minimal, "/erstgespraech/dolmetschung", Some(json!(true)));
    message_at(&form, &interpreted, "/erstgespraech/dolmetschungSprache");
    assert!(form.is_valid(&with(&minimal, "/erstgespraech/dolmetschung", Some(json!(false)))));
    let status = with(&minimal, "/aufenthalt/status", Some(json!("sonstige")));
    message_at(&form, &status, "/aufenthalt/erlaeuterung");
    message_at(&form, &with(&full, "/aufenthalt/status", Some(json!("fiktion"))), "/aufenthalt/status");

    // A referral names where to; an admission needs a target group and a complex need.
    let referral = with(&minimal, "/ergebnis/entscheidung", Some(json!("verweis")));
    let m = message_at(&form, &referral, "/ergebnis/verwiesenAn");
    assert_eq!(m, own_message(&form, "ergebnis.verwiesenAn", "required"));
    let admitted = with(&minimal, "/ergebnis/entscheidung", Some(json!("aufnahme")));
    message_at(&form, &admitted, "/zielgruppe");
    message_at(&form, &admitted, "/hilfebedarf");
    let not_complex = with(&full, "/hilfebedarf/gesamtplanungNotwendig", Some(json!(false)));
    let m = message_at(&form, &not_complex, "/hilfebedarf/gesamtplanungNotwendig");
    assert_eq!(m, own_message(&form, "hilfebedarf.gesamtplanungNotwendig", "const"));
    let no_group = with(&full, "/zielgruppe/zielgruppen", Some(json!([])));
    message_at(&form, &no_group, "/zielgruppe/zielgruppen");
    let referred_out = with(&no_group, "/ergebnis/entscheidung", Some(json!("verweis")));
    // Without target group 5 the counselling service is a question that does not apply: the
    // form leaves the typed answer out of what it exports, and the schema refuses it.
    assert!(form.visibility(&referred_out).is_hidden("/zielgruppe/fachberatungsstelle"));
    let m = message_at(&form, &referred_out, "/zielgruppe/fachberatungsstelle");
    assert!(m.contains("gehört nicht zu diesem Formular"), "{m}");
    let exported = form.visible_data(&referred_out);
    assert!(form.is_valid(&exported), "{}", show(&form.validate(&exported)));
    assert!(exported["zielgruppe"].get("fachberatungsstelle").is_none());
    let group5 = with(&full, "/zielgruppe/fachberatungsstelle", None);
    message_at(&form, &group5, "/zielgruppe/fachberatungsstelle");
    let twice = with(&full, "/zielgruppe/zielgruppen", Some(json!(["uma", "uma"])));
    message_at(&form, &twice, "/zielgruppe/zielgruppen");
}

/// Each follow-up question of the Screeningbogen: hidden and refused while its condition does
/// not hold, shown (and required where it says so) when it does.
#[test]
fn screening_follow_up_questions() {
    let form = bundle("screening");
    let minimal = example("screening", "minimal");
    let full = example("screening", "full");
    let hidden =
        |data: &serde_json::Value| -> BTreeSet<String> { form.visibility(data).hidden().map(str::to_owned).collect() };
    let set = |names: &[&str]| -> BTreeSet<String> { names.iter().map(|n| n.to_string()).collect() };
    let status = |code: &str| with(&minimal, "/aufenthalt/status", Some(json!(code)));
    let aufenthalt = |data: &serde_json::Value| -> BTreeSet<String> {
        hidden(data).into_iter().filter(|p| p.starts_with("/aufenthalt/")).collect()
    };
    let all = [
        "/aufenthalt/bleiberechtMoeglich",
        "/aufenthalt/p104cAnschlusstitel",
        "/aufenthalt/p104cErteiltAm",
        "/aufenthalt/p104cOffeneVoraussetzungen",
        "/aufenthalt/verlaengerungGefaehrdet",
    ];
    let except = |shown: &[&str]| set(&all.iter().copied().filter(|p| !shown.contains(p)).collect::<Vec<_>>());

    // Each status shows its own follow-up questions and no others.
    assert_eq!(aufenthalt(&minimal), set(&all), "a permit of another kind asks nothing more");
    assert_eq!(aufenthalt(&status("duldung")), except(&["/aufenthalt/bleiberechtMoeglich"]));
    let p104c =
        ["/aufenthalt/p104cErteiltAm", "/aufenthalt/p104cAnschlusstitel", "/aufenthalt/p104cOffeneVoraussetzungen"];
    assert_eq!(aufenthalt(&status("p104c")), except(&p104c));
    assert_eq!(aufenthalt(&status("p25a")), except(&["/aufenthalt/verlaengerungGefaehrdet"]));
    assert_eq!(aufenthalt(&status("p25b")), except(&["/aufenthalt/verlaengerungGefaehrdet"]));
    assert_eq!(aufenthalt(&status("gestattung")), set(&all));

    // §104c: the date of issue is required then, and the details are checked.
    let m = message_at(&form, &status("p104c"), "/aufenthalt/p104cErteiltAm");
    assert_eq!(m, own_message(&form, "aufenthalt.p104cErteiltAm", "required"));
    let chance = with(&status("p104c"), "/aufenthalt/p104cErteiltAm", Some(json!("2026-04-03")));
    let chance = with(&chance, "/aufenthalt/p104cAnschlusstitel", Some(json!("p25b")));
    let chance = with(&chance, "/aufenthalt/p104cOffeneVoraussetzungen", Some(json!(["lebensunterhalt"])));
    assert!(form.is_valid(&chance), "{}", show(&form.validate(&chance)));
    message_at(
        &form,
        &with(&chance, "/aufenthalt/p104cAnschlusstitel", Some(json!("p25c"))),
        "/aufenthalt/p104cAnschlusstitel",
    );
    message_at(
        &form,
        &with(&chance, "/aufenthalt/p104cErteiltAm", Some(json!("2026-02-30"))),
        "/aufenthalt/p104cErteiltAm",
    );
    // Another status: the §104c answers do not apply; the form drops them, the schema refuses them.
    let switched = with(&chance, "/aufenthalt/status", Some(json!("duldung")));
    message_at(&form, &switched, "/aufenthalt/p104cErteiltAm");
    let exported = form.visible_data(&switched);
    assert_eq!(exported["aufenthalt"], json!({"status": "duldung"}));
    assert!(form.is_valid(&exported), "{}", show(&form.validate(&exported)));
    // Tolerated, and a §25a/b permit in reach; a §25b permit whose extension is at risk.
    assert!(form.is_valid(&with(&status("duldung"), "/aufenthalt/bleiberechtMoeglich", Some(json!(true)))));
    message_at(
        &form,
        &with(&status("gestattung"), "/aufenthalt/bleiberechtMoeglich", Some(json!(true))),
        "/aufenthalt/bleiberechtMoeglich",
    );
    assert!(form.is_valid(&with(&status("p25b"), "/aufenthalt/verlaengerungGefaehrdet", Some(json!(true)))));
    message_at(
        &form,
        &with(&status("p104c"), "/aufenthalt/verlaengerungGefaehrdet", Some(json!(true))),
        "/aufenthalt/verlaengerungGefaehrdet",
    );

    // Interpreter language only with an interpreter.
    assert!(hidden(&minimal).contains("/erstgespraech/dolmetschungSprache"));
    assert!(!hidden(&full).contains("/erstgespraech/dolmetschungSprache"));
    let no_interpreter = with(&full, "/erstgespraech/dolmetschung", Some(json!(false)));
    assert!(hidden(&no_interpreter).contains("/erstgespraech/dolmetschungSprache"));
    assert!(form.visible_data(&no_interpreter)["erstgespraech"].get("dolmetschungSprache").is_none());

    // Who referred, only for a referral or assignment.
    let referrer =
        ["/erstgespraech/ansprechperson", "/erstgespraech/ansprechpersonKontakt", "/erstgespraech/verweisendeStelle"];
    assert!(referrer.iter().all(|p| hidden(&minimal).contains(*p)), "a person who came on their own");
    let assigned = with(&minimal, "/erstgespraech/zugangsweg", Some(json!("institution")));
    assert!(referrer.iter().all(|p| !hidden(&assigned).contains(*p)));
    let m = message_at(&form, &assigned, "/erstgespraech/verweisendeStelle");
    assert_eq!(m, own_message(&form, "erstgespraech.verweisendeStelle", "required"));
    let screened = with(&full, "/erstgespraech/zugangsweg", Some(json!("screening104c")));
    message_at(&form, &screened, "/erstgespraech/ansprechperson");
    assert!(form.is_valid(&form.visible_data(&screened)));

    // "Verwiesen an" is required for every decision but admission and the still open one.
    for decision in ["verweis", "keinbedarf"] {
        let decided = with(&minimal, "/ergebnis/entscheidung", Some(json!(decision)));
        let m = message_at(&form, &decided, "/ergebnis/verwiesenAn");
        assert_eq!(m, own_message(&form, "ergebnis.verwiesenAn", "required"));
        assert!(form.is_valid(&with(&decided, "/ergebnis/verwiesenAn", Some(json!("MBE der Caritas Hilden")))));
    }
    assert!(form.is_valid(&minimal), "an open decision needs no referral yet");
    assert!(!hidden(&full).contains("/ergebnis/verwiesenAn"), "on admission, services referred to in addition");

    // An address with a street or postcode names the town (dependentRequired).
    let street = with(&minimal, "/person/adresse", Some(json!({"strasse": "Mittelstraße 1"})));
    assert_eq!(message_at(&form, &street, "/person/adresse/ort"), own_message(&form, "person.adresse.ort", "required"));
    let postcode = with(&minimal, "/person/adresse", Some(json!({"plz": "40721"})));
    message_at(&form, &postcode, "/person/adresse/ort");
    assert!(form.is_valid(&with(&minimal, "/person/adresse", Some(json!({"plz": "40721", "ort": "Hilden"})))));

    // The region of origin: target group 3 needs `suedosteuropa`.
    assert!(form.is_valid(&with(&minimal, "/person/herkunftsregion", Some(json!("suedosteuropa")))));
    message_at(&form, &with(&minimal, "/person/herkunftsregion", Some(json!("balkan"))), "/person/herkunftsregion");

    // The tree marks follow-up questions required as their branch says.
    assert!(form.root.find("aufenthalt.p104cErteiltAm").unwrap().required);
    assert!(!form.root.find("aufenthalt.p104cAnschlusstitel").unwrap().required);
    assert!(form.conditions().governs("aufenthalt.p104cErteiltAm"));
    assert!(!form.conditions().governs("ergebnis.verwiesenAn"));

    // The offers chosen in the referral finder belong to a referral, not to an admission.
    let jmd = json!([{"id": "hilden-jmd", "name": "Jugendmigrationsdienst (JMD)", "traeger": "Internationaler Bund", "stadt": "Hilden"}]);
    let referral = with(
        &minimal,
        "/ergebnis",
        Some(json!({"entscheidung": "verweis", "verwiesenAn": "JMD", "verweisAngebote": jmd})),
    );
    assert!(form.is_valid(&referral), "{:?}", form.validate(&referral));
    assert!(!hidden(&referral).contains("/ergebnis/verweisAngebote"));
    let admitted = with(&full, "/ergebnis/verweisAngebote", Some(jmd.clone()));
    assert!(hidden(&admitted).contains("/ergebnis/verweisAngebote"));
    assert!(!form.is_valid(&admitted), "a chosen offer is no answer on admission");
    assert!(form.is_valid(&form.visible_data(&admitted)), "and is left out of what is handed on");
    let nameless = with(&referral, "/ergebnis/verweisAngebote/0/name", None);
    message_at(&form, &nameless, "/ergebnis/verweisAngebote/0/name");
}

#[test]
fn assessment_rules() {
    let form = bundle("assessment");
    let full = example("assessment", "full");
    let minimal = example("assessment", "minimal");

    let m = message_at(&form, &with(&full, "/stammdaten/datum", Some(json!("2024-02-30"))), "/stammdaten/datum");
    assert!(m.contains("Datum des Assessments") && m.contains("TT.MM.JJJJ"), "{m}");
    let again = with(&minimal, "/stammdaten/reAssessment", Some(json!(true)));
    let m = message_at(&form, &again, "/stammdaten/vorherigesAssessmentAm");
    assert_eq!(m, own_message(&form, "stammdaten.vorherigesAssessmentAm", "required"));
    assert!(form.is_valid(&with(&again, "/stammdaten/vorherigesAssessmentAm", Some(json!("2025-11-04")))));
    message_at(
        &form,
        &with(&minimal, "/stammdaten/dolmetschung", Some(json!(true))),
        "/stammdaten/dolmetschungSprache",
    );

    let rating = "/lebensbereiche/wohnen/einschaetzungCaseManagement/handlungsbedarf";
    let m = message_at(&form, &with(&full, rating, Some(json!("sehrhoch"))), rating);
    assert_eq!(m, own_message(&form, "lebensbereiche.wohnen.einschaetzungCaseManagement.handlungsbedarf", "enum"));
    let m = message_at(&form, &with(&minimal, "/lebensbereiche/gesundheit", None), "/lebensbereiche/gesundheit");
    assert!(m.contains("Gesundheit"), "{m}");
    let unrated = with(&full, "/lebensbereiche/arbeit/einschaetzungCaseManagement/handlungsbedarf", None);
    let m = message_at(&form, &unrated, "/lebensbereiche/arbeit/einschaetzungCaseManagement/handlungsbedarf");
    assert!(m.contains("Arbeit/Beschäftigung"), "the message names the life area: {m}");
    let participant = "/lebensbereiche/sprache/sichtTeilnehmende/handlungsbedarf";
    message_at(&form, &with(&full, participant, Some(json!("dringend"))), participant);
    message_at(&form, &with(&full, "/lebensbereiche/wohnen/notiz", Some(json!("x"))), "/lebensbereiche/wohnen/notiz");
    let priority = "/gesamteinschaetzung/prioritaeten/1/lebensbereich";
    message_at(&form, &with(&full, priority, None), priority);
    message_at(&form, &with(&full, priority, Some(json!("freizeit"))), priority);
    message_at(&form, &with(&full, "/akteure/0/institution", None), "/akteure/0/institution");

    // The ten life areas share one shape but each has its own texts.
    let titles: BTreeSet<&str> =
        form.root.find("lebensbereiche").unwrap().children().iter().map(|f| f.label.as_str()).collect();
    assert_eq!(titles.len(), 10, "{titles:?}");
    let messages: BTreeSet<String> = form
        .root
        .find("lebensbereiche")
        .unwrap()
        .children()
        .iter()
        .map(|area| {
            own_message(&form, &format!("{}.einschaetzungCaseManagement.handlungsbedarf", area.key), "required")
        })
        .collect();
    assert_eq!(messages.len(), 10, "each life area's rating message names the area");
}

#[test]
fn datenschutz_rules() {
    let form = bundle("datenschutz");
    let full = example("datenschutz", "full");
    let minimal = example("datenschutz", "minimal");
    let consent = own_message(&form, "einwilligung.caseManagement", "const");

    assert_eq!(
        message_at(
            &form,
            &with(&full, "/einwilligung/caseManagement", Some(json!(false))),
            "/einwilligung/caseManagement"
        ),
        consent
    );
    message_at(&form, &with(&minimal, "/einwilligung/caseManagement", None), "/einwilligung/caseManagement");
    message_at(
        &form,
        &with(&minimal, "/einwilligung/caseManagement", Some(json!("ja"))),
        "/einwilligung/caseManagement",
    );
    let m = message_at(
        &form,
        &with(&full, "/erklaerungVersion", Some(json!("datenschutz-de-2025-01"))),
        "/erklaerungVersion",
    );
    assert_eq!(m, own_message(&form, "erklaerungVersion", "const"));
    message_at(&form, &with(&minimal, "/erklaerungVersion", None), "/erklaerungVersion");
    let m =
        message_at(&form, &with(&full, "/unterzeichnung/datum", Some(json!("2024-02-30"))), "/unterzeichnung/datum");
    assert!(m.contains("TT.MM.JJJJ"), "{m}");
    message_at(&form, &with(&full, "/weitergabe/jobcenter", Some(json!("ja"))), "/weitergabe/jobcenter");
    message_at(&form, &with(&full, "/weitergabe/vermieter", Some(json!(true))), "/weitergabe/vermieter");
    message_at(
        &form,
        &with(&full, "/weitergabe/weitereEmpfaenger/0/name", None),
        "/weitergabe/weitereEmpfaenger/0/name",
    );
    let dpo = "/verantwortlicheStelle/datenschutzbeauftragte";
    assert_eq!(
        message_at(&form, &with(&minimal, dpo, None), dpo),
        own_message(&form, "verantwortlicheStelle.datenschutzbeauftragte", "required")
    );

    // Every recipient and the health data are opt-ins: not required, never pre-ticked.
    let schema = json_file("datenschutz/schema.json");
    let opt_ins = ["/properties/weitergabe", "/properties/gesundheitsdaten"];
    for group in opt_ins.map(|p| schema.pointer(p).unwrap()) {
        assert!(group.get("required").is_none(), "{group}");
        for (name, field) in group["properties"].as_object().unwrap() {
            assert!(field.get("default").is_none() && field.get("const").is_none(), "{name} must not be preset");
        }
    }
    assert!(form.is_valid(&minimal), "consent to the case management alone is enough");
    for recipient in
        ["auslaenderbehoerde", "jobcenter", "agenturFuerArbeit", "sozialamt", "kimKoordination", "schulenKitas"]
    {
        let off = with(&full, &format!("/weitergabe/{recipient}"), Some(json!(false)));
        assert!(form.is_valid(&off), "{recipient}");
    }
    assert!(form.is_valid(&with(&full, "/gesundheitsdaten/einwilligung", Some(json!(false)))));

    // The text version is fixed, hidden and filled in by default.
    let version = &schema["properties"]["erklaerungVersion"];
    assert_eq!(version["const"], "datenschutz-de-2026-11");
    assert_eq!(version["default"], version["const"]);
    assert_eq!(json_file("datenschutz/ui.json")["erklaerungVersion"]["ui:widget"], "hidden");
    assert_eq!(full["erklaerungVersion"], version["const"]);
}

#[test]
fn hilfeplan_rules() {
    let form = bundle("hilfeplan");
    let full = example("hilfeplan", "full");
    let minimal = example("hilfeplan", "minimal");

    let m = message_at(&form, &with(&full, "/ziele", Some(json!([]))), "/ziele");
    assert_eq!(m, own_message(&form, "ziele", "minItems"));
    let m = message_at(&form, &with(&full, "/ziele/0/schritte", None), "/ziele/0/schritte");
    assert_eq!(m, own_message(&form, "ziele.*.schritte", "required"));
    let m = message_at(&form, &with(&full, "/ziele/1/schritte", Some(json!([]))), "/ziele/1/schritte");
    assert_eq!(m, own_message(&form, "ziele.*.schritte", "minItems"));
    let m = message_at(&form, &with(&full, "/ziele/0/ziel", Some(json!(""))), "/ziele/0/ziel");
    assert_eq!(m, "Bitte beschreiben Sie das Ziel.");
    message_at(&form, &with(&full, "/ziele/2/lebensbereich", Some(json!("freizeit"))), "/ziele/2/lebensbereich");
    message_at(&form, &with(&full, "/ziele/2/prioritaet", None), "/ziele/2/prioritaet");

    let partner = with(&full, "/ziele/0/schritte/1/partner", None);
    let m = message_at(&form, &partner, "/ziele/0/schritte/1/partner");
    assert_eq!(m, own_message(&form, "ziele.*.schritte.*.partner", "required"));
    let by_participant = with(&partner, "/ziele/0/schritte/1/wer", Some(json!("teilnehmende")));
    assert!(form.is_valid(&by_participant), "{}", show(&form.validate(&by_participant)));
    message_at(&form, &with(&full, "/ziele/0/schritte/0/wer", Some(json!("jobcenter"))), "/ziele/0/schritte/0/wer");
    message_at(
        &form,
        &with(&full, "/ziele/0/schritte/0/status", Some(json!("abgebrochen"))),
        "/ziele/0/schritte/0/status",
    );
    let m = message_at(
        &form,
        &with(&full, "/ziele/1/schritte/0/bisWann", Some(json!("2024-02-30"))),
        "/ziele/1/schritte/0/bisWann",
    );
    assert!(m.contains("Bis wann?"), "{m}");
    message_at(
        &form,
        &with(&full, "/ziele/0/meilensteine/0/beschreibung", None),
        "/ziele/0/meilensteine/0/beschreibung",
    );
    message_at(&form, &with(&full, "/ziele/0/teilziele/1/teilziel", None), "/ziele/0/teilziele/1/teilziel");

    let continued = with(&minimal, "/stammdaten/fortschreibung", Some(json!(true)));
    let m = message_at(&form, &continued, "/stammdaten/vorherigerPlanVom");
    assert_eq!(m, own_message(&form, "stammdaten.vorherigerPlanVom", "required"));
    let m = message_at(
        &form,
        &with(&minimal, "/vereinbarungen/ueberpruefungstermin", None),
        "/vereinbarungen/ueberpruefungstermin",
    );
    assert_eq!(m, own_message(&form, "vereinbarungen.ueberpruefungstermin", "required"));
    message_at(&form, &with(&full, "/unterschrift", Some(json!("M. Al-Obaidi"))), "/unterschrift");

    // Errors appear in screen order: goal 1 before goal 2, steps in their order.
    let both = with(&with(&full, "/ziele/1/ziel", None), "/ziele/0/schritte/2/was", None);
    let pointers: Vec<String> = form.validate(&both).into_iter().map(|e| e.pointer).collect();
    assert_eq!(pointers, ["/ziele/0/schritte/2/was", "/ziele/1/ziel"]);
}
