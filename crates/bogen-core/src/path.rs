//! Addresses of values in form data.
//!
//! Data is addressed by JSON Pointer (RFC 6901), e.g. `/ziele/0/schritte/2/was`. Texts and
//! layout are addressed by a *field key*, the pointer with array positions replaced by `*` and
//! segments joined by dots (`ziele.*.schritte.*.was`), because one text serves every item.

/// Escapes one pointer segment (RFC 6901: `~` as `~0`, `/` as `~1`).
pub fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// Splits a JSON pointer into unescaped segments. The empty pointer has no segments.
pub fn segments(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer.trim_start_matches('/').split('/').map(|s| s.replace("~1", "/").replace("~0", "~")).collect()
}

/// Appends a segment to a pointer.
pub fn join(pointer: &str, segment: &str) -> String {
    format!("{pointer}/{}", escape(segment))
}

/// The field key of a data pointer: all-digit segments are array positions and become `*`.
/// Field names in forms are never all digits, so this is unambiguous.
pub fn field_key(pointer: &str) -> String {
    segments(pointer)
        .iter()
        .map(|s| if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) { "*" } else { s.as_str() })
        .collect::<Vec<_>>()
        .join(".")
}

/// The field key of a child: `parent.child`, or `child` at the root.
pub fn child_key(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_owned()
    } else {
        format!("{parent}.{child}")
    }
}

/// Reads the value at a pointer.
pub fn get<'v>(data: &'v serde_json::Value, pointer: &str) -> Option<&'v serde_json::Value> {
    data.pointer(pointer)
}

/// Writes `value` at `pointer`, creating the objects on the way; `None` removes the entry.
/// Array positions must exist already (items are added by the array's own controls).
pub fn set(data: &mut serde_json::Value, pointer: &str, value: Option<serde_json::Value>) {
    use serde_json::Value;
    let segs = segments(pointer);
    let Some((last, parents)) = segs.split_last() else {
        if let Some(v) = value {
            *data = v;
        }
        return;
    };
    let mut node = data;
    for seg in parents {
        if node.is_null() {
            *node = Value::Object(Default::default());
        }
        node = match node {
            Value::Object(map) => map.entry(seg.clone()).or_insert_with(|| Value::Object(Default::default())),
            Value::Array(items) => match seg.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                Some(item) => item,
                None => return,
            },
            _ => return,
        };
    }
    if node.is_null() {
        *node = Value::Object(Default::default());
    }
    match (node, value) {
        (Value::Object(map), Some(v)) => {
            map.insert(last.clone(), v);
        }
        (Value::Object(map), None) => {
            map.shift_remove(last);
        }
        (Value::Array(items), v) => {
            if let (Some(slot), Some(v)) = (last.parse::<usize>().ok().and_then(|i| items.get_mut(i)), v) {
                *slot = v;
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_replace_array_positions() {
        assert_eq!(field_key("/ziele/3/schritte/12/was"), "ziele.*.schritte.*.was");
        assert_eq!(field_key(""), "");
    }

    #[test]
    fn segments_unescape() {
        assert_eq!(segments("/a~1b/c~0d"), vec!["a/b", "c~d"]);
        assert_eq!(join("/x", "a/b"), "/x/a~1b");
    }

    #[test]
    fn set_creates_objects_and_removes_entries() {
        let mut data = json!({});
        set(&mut data, "/person/name", Some(json!("Amal")));
        assert_eq!(data, json!({"person": {"name": "Amal"}}));
        set(&mut data, "/person/name", None);
        assert_eq!(data, json!({"person": {}}));
        let mut list = json!({"ziele": [{"a": 1}]});
        set(&mut list, "/ziele/0/a", Some(json!(2)));
        set(&mut list, "/ziele/5/a", Some(json!(2)));
        assert_eq!(list, json!({"ziele": [{"a": 2}]}));
    }
}
