//! Between what people type and what the data holds. Text that cannot be read as the field's
//! type is kept as typed (a string), so nothing typed is lost and validation names the field.

use bogen_core::{date, FieldKind};
use serde_json::Value;

#[derive(Clone, PartialEq)]
pub enum Kind {
    Text { input_type: String },
    Textarea { rows: u32 },
    Number { integer: bool },
    Date,
}

impl Kind {
    pub fn of(kind: &FieldKind) -> Kind {
        match kind {
            FieldKind::Textarea { rows, .. } => Kind::Textarea { rows: *rows },
            FieldKind::Number { integer, .. } => Kind::Number { integer: *integer },
            FieldKind::Date => Kind::Date,
            FieldKind::Text { input_type, .. } => Kind::Text { input_type: input_type.clone() },
            _ => Kind::Text { input_type: "text".into() },
        }
    }
}

/// What the input shows for a stored value. `decimal` is the language's decimal separator.
pub fn show(kind: &Kind, value: Option<&Value>, decimal: &str) -> String {
    match (kind, value) {
        (_, None | Some(Value::Null)) => String::new(),
        (Kind::Date, Some(Value::String(s))) => date::display(s),
        (Kind::Number { .. }, Some(Value::Number(n))) => n.to_string().replace('.', decimal),
        (_, Some(Value::String(s))) => s.clone(),
        (_, Some(other)) => other.to_string(),
    }
}

/// What the data holds for typed text; `None` (removed) when the input is empty.
pub fn parse(kind: &Kind, text: &str, decimal: &str) -> Option<Value> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    let read = match kind {
        Kind::Date => date::parse_typed(trimmed).map(Value::String),
        Kind::Number { integer } => number(trimmed, *integer, decimal),
        Kind::Text { .. } | Kind::Textarea { .. } => None,
    };
    Some(read.unwrap_or_else(|| Value::String(text.to_owned())))
}

/// Reads a number written with the language's decimal separator. With a comma as separator a
/// dot is refused rather than guessed: "1.000" means a thousand to a German reader.
fn number(text: &str, integer: bool, decimal: &str) -> Option<Value> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() {
        return None;
    }
    if integer {
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return text.parse::<i64>().ok().map(Value::from);
    }
    let (whole, fraction) = match digits.split_once(decimal) {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !fraction.is_none_or(|f| !f.is_empty() && all_digits(f)) {
        return None;
    }
    let normal = text.replacen(decimal, ".", 1);
    let n: f64 = normal.parse().ok()?;
    if n.fract() == 0.0 && fraction.is_none() {
        return normal.parse::<i64>().ok().map(Value::from);
    }
    serde_json::Number::from_f64(n).map(Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dates_are_stored_iso_and_kept_as_typed_when_wrong() {
        assert_eq!(parse(&Kind::Date, "1.2.2024", ","), Some(json!("2024-02-01")));
        assert_eq!(parse(&Kind::Date, "31.02.2024", ","), Some(json!("31.02.2024")));
        assert_eq!(parse(&Kind::Date, "  ", ","), None);
        assert_eq!(show(&Kind::Date, Some(&json!("2024-02-01")), ","), "01.02.2024");
    }

    #[test]
    fn numbers_use_the_decimal_comma_and_keep_bad_text() {
        let n = Kind::Number { integer: false };
        assert_eq!(parse(&n, "1,5", ","), Some(json!(1.5)));
        assert_eq!(parse(&n, "-3", ","), Some(json!(-3)));
        assert_eq!(parse(&n, "1.000", ","), Some(json!("1.000")));
        assert_eq!(parse(&n, "1e5", ","), Some(json!("1e5")));
        assert_eq!(show(&n, Some(&json!(1.5)), ","), "1,5");
        let i = Kind::Number { integer: true };
        assert_eq!(parse(&i, "42", ","), Some(json!(42)));
        assert_eq!(parse(&i, "4,2", ","), Some(json!("4,2")));
    }

    #[test]
    fn text_is_stored_as_typed_and_blank_is_empty() {
        let t = Kind::Text { input_type: "text".into() };
        assert_eq!(parse(&t, " Amal ", ","), Some(json!(" Amal ")));
        assert_eq!(parse(&t, "   ", ","), None);
    }
}
