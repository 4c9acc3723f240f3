//! Renders a form's full example (or the data file given) to a PDF and says how long it took:
//! `cargo run --release -p bogen-pdf --example render -- hilfeplan out.pdf [data.json]`.

use std::path::Path;
use std::time::Instant;

use bogen_core::{FormBundle, Record, Texts};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (id, out, data) = match &args[..] {
        [_, id, out] => (id.as_str(), out.as_str(), None),
        [_, id, out, data] => (id.as_str(), out.as_str(), Some(Path::new(data))),
        _ => {
            eprintln!("usage: render <form id> <out.pdf> [data.json]");
            std::process::exit(2);
        }
    };
    let forms = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../forms");
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let common = Texts::from_json(&read(&forms.join("common/i18n/de.json"))).expect("shared texts");
    let own = Texts::from_json(&read(&forms.join(id).join("i18n/de.json"))).expect("form texts");
    let bundle = FormBundle::new(
        serde_json::from_str(&read(&forms.join(id).join("schema.json"))).expect("schema"),
        serde_json::from_str(&read(&forms.join(id).join("ui.json"))).expect("uiSchema"),
        common.layered(own),
    )
    .expect("form loads");
    let example = forms.join(id).join("examples/full.json");
    let data = serde_json::from_str(&read(data.unwrap_or(&example))).expect("data is JSON");
    let record = Record::new(&bundle, data, "de", "2026-11-30T10:04:00+01:00");
    let template = bogen_pdf::Template::for_form(id).expect("template");
    let fonts = bogen_pdf::Fonts::noto_sans();
    let mut pdf = Vec::new();
    let mut times = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        pdf = bogen_pdf::render(&record, &bundle, &template, &fonts).unwrap_or_else(|e| panic!("{e}"));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    eprintln!("{id}: {} bytes, median of 10 renders {:.1} ms (fastest {:.1} ms)", pdf.len(), times[5], times[0]);
    std::fs::write(out, pdf).expect("PDF written");
}
