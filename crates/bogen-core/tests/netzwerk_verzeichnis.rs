//! The directory of Beratungsangebote against its source: every offer of the concept's Anhang is
//! in `forms/netzwerk/angebote.json`, with the Träger and target group the Anhang gives.
//!
//! The Anhang is read from `forms/netzwerk/quelle-anhang.txt`, a verbatim copy kept in the
//! repository; where the concept itself is at hand (outside the repository), the copy is also
//! checked against it.

use std::path::PathBuf;

use bogen_core::netzwerk::Directory;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn directory() -> Directory {
    Directory::from_json(&read(&workspace().join("forms/netzwerk/angebote.json")))
        .unwrap_or_else(|e| panic!("forms/netzwerk/angebote.json: {e}"))
}

/// The copy of the Anhang without its header.
fn anhang() -> String {
    let copy = read(&workspace().join("forms/netzwerk/quelle-anhang.txt"));
    let (_, body) = copy.split_once("----\n").expect("the copy has a header ending in ----");
    body.to_owned()
}

/// One column of an Anhang table: (town heading, Träger, Zielgruppe).
type Column = (String, String, String);

/// Reads the tables of the Anhang: under each town heading, tab-separated rows whose first cell
/// names the row ("Beratungsangebot", "Träger", "Zielgruppe"); one column per offer.
fn anhang_columns(towns: &[&str]) -> Vec<Column> {
    let mut columns = Vec::new();
    let mut town = String::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut flush = |table: &mut Vec<Vec<String>>, town: &str| {
        let row = |name: &str| table.iter().find(|r| r[0].replace(['-', ' '], "") == name).cloned().unwrap_or_default();
        let (offers, traeger, zielgruppe) = (row("Beratungsangebot"), row("Träger"), row("Zielgruppe"));
        for i in 1..offers.len() {
            let cell = |r: &Vec<String>| r.get(i).map(|c| c.trim().to_owned()).unwrap_or_default();
            columns.push((town.to_owned(), cell(&traeger), cell(&zielgruppe)));
        }
        table.clear();
    };
    for line in anhang().lines() {
        if towns.contains(&line) {
            flush(&mut table, &town);
            town = line.to_owned();
        } else if line.contains('\t') {
            table.push(line.split('\t').map(str::to_owned).collect());
        } else {
            flush(&mut table, &town);
        }
    }
    flush(&mut table, &town);
    columns
}

#[test]
fn the_directory_file_loads_and_has_the_ten_towns() {
    let d = directory();
    let names = d.town_names();
    assert_eq!(
        names,
        [
            "Erkrath",
            "Haan",
            "Heiligenhaus",
            "Hilden",
            "Langenfeld",
            "Mettmann",
            "Monheim am Rhein",
            "Ratingen",
            "Velbert",
            "Wülfrath"
        ]
    );
}

#[test]
fn every_offer_of_the_anhang_is_in_the_directory_per_town() {
    let d = directory();
    let names = d.town_names();
    let columns = anhang_columns(&names);
    for town in &d.staedte {
        let from_source: Vec<&Column> = columns.iter().filter(|c| c.0 == town.name).collect();
        let in_directory: Vec<_> = d.offers_in(&town.id).collect();
        assert!(!from_source.is_empty(), "the Anhang has tables for {}", town.name);
        assert_eq!(in_directory.len(), from_source.len(), "number of offers in {}", town.name);
        for (offer, (_, traeger, zielgruppe)) in in_directory.iter().zip(&from_source) {
            assert_eq!(offer.traeger.as_deref().unwrap_or_default(), traeger, "Träger of {}", offer.id);
            assert_eq!(&offer.zielgruppe.wortlaut, zielgruppe, "Zielgruppe of {}", offer.id);
        }
    }
    let counts: Vec<usize> = d.staedte.iter().map(|t| d.offers_in(&t.id).count()).collect();
    assert_eq!(counts, [12, 9, 8, 13, 11, 11, 10, 12, 12, 10], "offers per town as counted in the Anhang");
}

#[test]
fn the_copy_in_the_repository_is_the_concepts_anhang() {
    let concept = workspace().join("../../shared/domain/kim-case-management-konzept.txt");
    let Ok(text) = std::fs::read_to_string(&concept) else {
        // Outside the project's machines only the copy exists; the other tests use it.
        return;
    };
    let start = text.find("\nAnhang\n").map(|i| i + 1).expect("the concept has an Anhang");
    assert_eq!(anhang(), &text[start..]);
}

#[test]
fn neighbours_follow_the_map_of_the_kreis() {
    let d = directory();
    let neighbours = |id: &str| d.town_by_id(id).map(|t| t.nachbarn.clone()).unwrap_or_default();
    assert_eq!(neighbours("monheim"), ["langenfeld"]);
    assert_eq!(neighbours("langenfeld"), ["hilden", "monheim"]);
    assert!(neighbours("velbert").contains(&"heiligenhaus".to_owned()));
    assert!(!neighbours("velbert").contains(&"monheim".to_owned()));
}

#[test]
fn the_kim_offers_are_marked_and_never_lack_criteria_otherwise() {
    let d = directory();
    let kim: Vec<&str> = d
        .angebote
        .iter()
        .filter(|o| o.art == bogen_core::netzwerk::directory::Kind::Kim)
        .map(|o| o.stadt.as_str())
        .collect();
    assert_eq!(kim.len(), 10, "one KIM per town: {kim:?}");
    assert!(d
        .angebote
        .iter()
        .filter(|o| o.art != bogen_core::netzwerk::directory::Kind::Kim)
        .all(|o| !o.zielgruppe.kriterien.is_empty()));
}
