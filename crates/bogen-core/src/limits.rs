//! Bounds on what is accepted from outside, so hostile or broken input is refused with a message
//! instead of exhausting memory or the stack.

/// Largest record or data document accepted, in bytes. A Hilfeplan with many goals is a few
/// hundred kilobytes; anything far larger is not a form someone filled in.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// Deepest nesting of JSON values accepted. The forms nest four or five levels.
pub const MAX_DEPTH: usize = 64;

/// Nesting depth of a JSON value, counted iteratively so a deep value cannot overflow the stack.
pub fn depth(value: &serde_json::Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(value, 1usize)];
    while let Some((v, d)) = stack.pop() {
        deepest = deepest.max(d);
        match v {
            serde_json::Value::Array(items) => stack.extend(items.iter().map(|i| (i, d + 1))),
            serde_json::Value::Object(map) => stack.extend(map.values().map(|i| (i, d + 1))),
            _ => {}
        }
    }
    deepest
}

/// Where in a text a parse error sits, for messages that name line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextPosition {
    pub line: usize,
    pub column: usize,
}

/// Parses JSON text within the size and depth bounds.
pub fn parse_json(text: &str) -> Result<serde_json::Value, JsonError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(JsonError::TooLarge { bytes: text.len() });
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let at = TextPosition { line: e.line(), column: e.column() };
        // serde_json ends its message with the position, which `Display` already names.
        let full = e.to_string();
        let reason = full.strip_suffix(&format!(" at line {} column {}", at.line, at.column)).unwrap_or(&full);
        JsonError::Syntax { at, reason: reason.to_owned() }
    })?;
    let d = depth(&value);
    if d > MAX_DEPTH {
        return Err(JsonError::TooDeep { depth: d });
    }
    Ok(value)
}

/// Why a JSON text was refused.
#[derive(Debug, Clone, thiserror::Error, PartialEq)]
pub enum JsonError {
    #[error("not valid JSON at line {}, column {}: {reason}", at.line, at.column)]
    Syntax { at: TextPosition, reason: String },
    #[error("document of {bytes} bytes is larger than the limit of {} bytes", MAX_DOCUMENT_BYTES)]
    TooLarge { bytes: usize },
    #[error("document nests {depth} levels deep, more than the limit of {}", MAX_DEPTH)]
    TooDeep { depth: usize },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = parse_json("{\n  \"a\": 1,\n  oops\n}").unwrap_err();
        match err {
            JsonError::Syntax { at, .. } => assert_eq!((at.line, at.column), (3, 3)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(parse_json(&text), Err(JsonError::TooDeep { depth: 100 }));
    }

    #[test]
    fn very_deep_nesting_is_an_error_not_a_crash() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(parse_json(&text), Err(JsonError::Syntax { .. })));
    }
}
