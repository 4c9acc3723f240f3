//! The fuzz targets: one per reader of outside input. Each says what must hold for every input;
//! the runner adds that nothing panics or hangs.

use bogen_core::field::Field;
use bogen_core::{canonical, limits, FieldError, FormBundle, Record, RecordError, Texts};
use bogen_fuzz::{forms, fuzz, has_message, Verdict};
use serde_json::Value;

/// A record file as the browser's "JSON laden" and `bogen validate` read it.
#[test]
fn record_import() {
    let bundles = forms::bundles();
    let texts = forms::common_texts();
    fuzz("record-import", move |bytes| match Record::parse(&String::from_utf8_lossy(bytes)) {
        Ok(record) => imported(record, &bundles),
        Err(e) => refused(&e, &texts),
    });
}

/// A built form bundle (`{"schema", "ui", "texts"}`) as the browser loads it.
#[test]
fn bundle_loading() {
    let examples: Vec<Value> = forms::IDS.iter().map(|id| example(id)).collect();
    fuzz("bundle-loading", move |bytes| match FormBundle::from_document(&String::from_utf8_lossy(bytes)) {
        Ok(bundle) => {
            messages(&bundle.validate(&Value::Object(Default::default())))?;
            for data in &examples {
                messages(&bundle.validate(data))?;
            }
            Ok(Verdict::Accepted)
        }
        Err(e) => {
            has_message("bundle", &e)?;
            Ok(Verdict::Rejected)
        }
    });
}

/// A uiSchema laid over each built-in form's schema, as a host's custom form is mounted.
#[test]
fn ui_schema() {
    let forms: Vec<(Value, Texts)> = forms::IDS.iter().map(|id| (forms::schema(id), forms::texts(id))).collect();
    fuzz("ui-schema", move |bytes| {
        let ui = match limits::parse_json(&String::from_utf8_lossy(bytes)) {
            Ok(ui) => ui,
            Err(e) => {
                has_message("uiSchema", &e)?;
                return Ok(Verdict::Rejected);
            }
        };
        let mut verdict = Verdict::Rejected;
        for (schema, texts) in &forms {
            match Field::build(schema, &ui, texts) {
                Ok(_) => verdict = Verdict::Accepted,
                Err(e) if !e.at.starts_with('/') || e.reason.trim().is_empty() => {
                    return Err(format!("layout error without place or reason: {e:?}"))
                }
                Err(_) => {}
            }
        }
        Ok(verdict)
    });
}

/// A PDF handed back by a participant, as `bogen extract` reads it: the attached record comes
/// out checked against its digest, or an error does.
#[test]
fn pdf_extract() {
    let bundles = forms::bundles();
    fuzz("pdf-extract", move |bytes| match bogen_pdf::extract(bytes) {
        Ok(record) => imported(record, &bundles),
        Err(e) => {
            has_message("PDF", &e)?;
            Ok(Verdict::Rejected)
        }
    });
}

/// What holds for a record that was read: its digest fits, it survives its own export, and the
/// form it names judges it with messages.
fn imported(record: Record, bundles: &[FormBundle]) -> Result<Verdict, String> {
    if canonical::digest(&record.data) != record.data_hash {
        return Err("a record whose data does not match its digest was accepted".into());
    }
    let json = record.to_json();
    let again = Record::parse(&json).map_err(|e| format!("an accepted record does not import again: {e}"))?;
    if again != record || again.to_json() != json {
        return Err("exporting and importing again changed the record".into());
    }
    let bundle = bundles.iter().find(|b| b.id == record.form.id).unwrap_or(&bundles[0]);
    match record.check(bundle) {
        Ok(_) => {
            messages(&bundle.validate(&record.data))?;
            Ok(Verdict::Accepted)
        }
        Err(e) => refused(&e, &forms::common_texts()),
    }
}

/// A refused record: an English message, a code, and a German text for the code whose
/// placeholders the error fills.
fn refused(e: &RecordError, texts: &Texts) -> Result<Verdict, String> {
    has_message("record", e)?;
    let key = format!("record.{}", e.code());
    let Some(german) = texts.ui.get(&key) else { return Err(format!("no German text {key} for {e}")) };
    let params = e.params();
    for name in placeholders(german) {
        if !params.iter().any(|(k, _)| *k == name) {
            return Err(format!("{key} needs {{{name}}}, which {e:?} does not give"));
        }
    }
    Ok(Verdict::Rejected)
}

fn placeholders(text: &str) -> Vec<&str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect()
}

/// Validation messages people read: each names a place and says something.
fn messages(errors: &[FieldError]) -> Result<(), String> {
    match errors.iter().find(|e| e.message.trim().is_empty() || !(e.pointer.is_empty() || e.pointer.starts_with('/'))) {
        Some(e) => Err(format!("validation message without text or place: {e:?}")),
        None => Ok(()),
    }
}

fn example(id: &str) -> Value {
    let path = forms::workspace().join("forms").join(id).join("examples/full.json");
    serde_json::from_str(&std::fs::read_to_string(&path).expect("example")).expect("example JSON")
}
