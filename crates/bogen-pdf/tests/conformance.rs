//! What PDF/A-3a and PDF/UA-1 require of the catalog and metadata, read back with qpdf: the
//! conformance claims in XMP, tagged structure, language, title display, output intent and
//! the record as associated file with relationship Data.

mod support;

use bogen_pdf::{render, Fonts, Template};
use serde_json::Value;
use support::*;

struct Objects(Value);

impl Objects {
    fn read(file: &str) -> Objects {
        let json: Value =
            serde_json::from_str(&tool("qpdf", &["--json=2", "--json-key=qpdf", file])).expect("qpdf JSON");
        Objects(json["qpdf"][1].clone())
    }

    /// An object's value, following a reference ("12 0 R").
    fn get(&self, value: &Value) -> Value {
        match value.as_str().and_then(|r| r.strip_suffix(" R")) {
            Some(r) => self.0[format!("obj:{r} R")]["value"].clone(),
            None => value.clone(),
        }
    }

    fn catalog(&self) -> Value {
        self.get(&self.0["trailer"]["value"]["/Root"])
    }

    /// Every structure element type used, e.g. "/TH".
    fn structure_types(&self) -> Vec<String> {
        let objects = self.0.as_object().expect("objects");
        objects.values().filter_map(|o| o["value"]["/S"].as_str().map(str::to_owned)).collect()
    }
}

#[test]
fn catalog_and_metadata_claim_pdf_a_3a_and_pdf_ua_1() {
    let bundle = bundle("hilfeplan");
    let record = record(&bundle, example("hilfeplan"));
    let pdf = render(&record, &bundle, &Template::for_form("hilfeplan").unwrap(), &Fonts::noto_sans()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hilfeplan.pdf", &pdf);
    let file = path.to_str().unwrap();
    let objects = Objects::read(file);
    let catalog = objects.catalog();

    assert_eq!(catalog["/MarkInfo"]["/Marked"], true);
    assert!(catalog["/StructTreeRoot"].is_string(), "structure tree: {catalog}");
    assert_eq!(catalog["/Lang"], "u:de");
    assert_eq!(catalog["/ViewerPreferences"]["/DisplayDocTitle"], true);
    assert!(catalog["/Outlines"].is_string(), "bookmarks");
    let intents = objects.get(&catalog["/OutputIntents"]);
    let intent = objects.get(&intents[0]);
    assert_eq!(intent["/S"], "/GTS_PDFA1", "{intent}");
    assert!(intent["/DestOutputProfile"].is_string());

    let files = objects.get(&catalog["/AF"]);
    let spec = objects.get(&files[0]);
    assert_eq!(spec["/AFRelationship"], "/Data");
    assert_eq!(spec["/F"], "u:record.json");
    assert_eq!(spec["/UF"], "u:record.json");
    assert!(spec["/Desc"].as_str().is_some_and(|d| d.len() > 4), "description: {spec}");
    let stream = objects.0[format!("obj:{}", spec["/EF"]["/F"].as_str().unwrap())]["stream"]["dict"].clone();
    assert_eq!(stream["/Subtype"], "/application/json", "{stream}");
    assert!(stream["/Params"]["/ModDate"].is_string(), "{stream}");

    let metadata = catalog["/Metadata"].as_str().unwrap().split(' ').next().unwrap().to_owned();
    let xmp = tool("qpdf", &[&format!("--show-object={metadata}"), "--filtered-stream-data", file]);
    for claim in
        ["<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>A</pdfaid:conformance>", "<pdfuaid:part>1</pdfuaid:part>"]
    {
        assert!(xmp.contains(claim), "{claim} not in XMP:\n{xmp}");
    }
    assert!(xmp.contains("Hilfeplan – Mustafa Al-Obaidi"), "title in XMP");
    assert!(xmp.contains("2026-11-30T10:04:00+01:00"), "creation date is the record's modified:\n{xmp}");

    let types = objects.structure_types();
    for role in [
        "/H1", "/H2", "/H3", "/Sect", "/P", "/L", "/LI", "/Lbl", "/LBody", "/Table", "/THead", "/TBody", "/TR", "/TH",
        "/TD", "/Figure",
    ] {
        assert!(types.iter().any(|t| t == role), "no {role} in the structure: {types:?}");
    }
    let figures: Vec<&Value> = objects
        .0
        .as_object()
        .unwrap()
        .values()
        .filter(|o| o["value"]["/S"] == "/Figure")
        .map(|o| &o["value"])
        .collect();
    assert!(figures.iter().all(|f| f["/Alt"] == "u:Unterschrift von Ionela Munteanu"), "{figures:?}");
}
