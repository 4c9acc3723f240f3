//! Values as people read them: choice labels instead of codes, dates as TT.MM.JJJJ, yes/no
//! instead of true/false. Empty values give `None`, so nothing shows an empty row.

use bogen_core::{date, Choice, Field, FieldKind};
use serde_json::Value;

use crate::wording::Wording;

/// The text of a value of `field`, or `None` when there is nothing to show.
pub(crate) fn display(field: &Field, value: Option<&Value>, wording: &Wording) -> Option<String> {
    let text = match value? {
        Value::Null => return None,
        Value::String(s) if s.trim().is_empty() => return None,
        Value::String(s) => match &field.kind {
            FieldKind::Date => date::display(s),
            FieldKind::Choice { choices, .. } => label(choices, s),
            _ => s.clone(),
        },
        Value::Bool(b) => wording.get(if *b { "yes" } else { "no" }).to_owned(),
        Value::Number(n) => number(n, wording),
        Value::Array(items) => {
            let shown: Vec<String> = match &field.kind {
                FieldKind::MultiChoice { choices } => {
                    items.iter().filter_map(Value::as_str).map(|c| label(choices, c)).collect()
                }
                FieldKind::List { item, .. } => items.iter().filter_map(|v| display(item, Some(v), wording)).collect(),
                _ => items.iter().filter_map(|v| display(field, Some(v), wording)).collect(),
            };
            if shown.is_empty() {
                return None;
            }
            shown.join(", ")
        }
        Value::Object(_) => return None,
    };
    Some(text)
}

fn label(choices: &[Choice], code: &str) -> String {
    choices.iter().find(|c| c.code == code).map_or_else(|| code.to_owned(), |c| c.label.clone())
}

fn number(n: &serde_json::Number, wording: &Wording) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    let f = n.as_f64().unwrap_or_default();
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{f:.0}");
    }
    f.to_string().replace('.', wording.get("decimalSeparator"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::BTreeMap;

    fn field(kind: FieldKind) -> Field {
        Field {
            key: "x".into(),
            name: "x".into(),
            label: "X".into(),
            help: None,
            placeholder: None,
            required: false,
            kind,
        }
    }

    #[test]
    fn values_are_shown_as_people_read_them() {
        let template =
            BTreeMap::from([("yes".to_owned(), "ja".to_owned()), ("decimalSeparator".to_owned(), ",".to_owned())]);
        let ui = BTreeMap::new();
        let w = Wording::new(&ui, &template, "de");
        let choices = vec![Choice { code: "hoch".into(), label: "Hoch".into() }];
        assert_eq!(display(&field(FieldKind::Date), Some(&json!("2026-11-30")), &w).unwrap(), "30.11.2026");
        let choice = field(FieldKind::Choice { choices: choices.clone(), radio: false });
        assert_eq!(display(&choice, Some(&json!("hoch")), &w).unwrap(), "Hoch");
        assert_eq!(display(&choice, Some(&json!("neu")), &w).unwrap(), "neu");
        let multi = field(FieldKind::MultiChoice { choices });
        assert_eq!(display(&multi, Some(&json!(["hoch", "x"])), &w).unwrap(), "Hoch, x");
        assert_eq!(display(&field(FieldKind::Boolean), Some(&json!(true)), &w).unwrap(), "ja");
        let number = field(FieldKind::Number { integer: false, minimum: None, maximum: None });
        assert_eq!(display(&number, Some(&json!(2.5)), &w).unwrap(), "2,5");
        assert_eq!(display(&number, Some(&json!(3)), &w).unwrap(), "3");
        let text = field(FieldKind::Text { input_type: "text".into(), max_length: None });
        assert_eq!(display(&text, Some(&json!("  ")), &w), None);
        assert_eq!(display(&text, None, &w), None);
    }
}
