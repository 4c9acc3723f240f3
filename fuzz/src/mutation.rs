//! How a corpus file is changed into a test input: byte-level damage (what a broken disk, a
//! mail gateway or a hand edit does) and JSON-level changes (what a hostile or confused
//! program writes: wrong types, deep nesting, huge and hostile strings, missing keys).
//!
//! Mutations are proptest values, so a failing case shrinks to fewer and smaller changes.

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value};

/// Byte sequences worth inserting: JSON syntax, numbers at the edges, the record's own words,
/// the PDF syntax the record extraction looks for, and text that must never be interpreted.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "\\",
    "\\u0000",
    "\\ud800",
    "null",
    "true",
    "-0",
    "1e999",
    "18446744073709551616",
    "-9223372036854775809",
    "\"bogen-record\"",
    "\"formatVersion\": 1,",
    "\"$ref\": \"#\"",
    "\u{202e}",
    "\u{2066}",
    "\u{200b}",
    "\u{feff}",
    "<script>",
    "\u{0}",
    "\r\n",
    "/EmbeddedFile",
    "/Type /EmbeddedFile",
    "/Type/EmbeddedFile",
    "stream\n",
    "\nendstream",
    "endstream",
    " 0 obj\n",
    "obj",
    "endobj",
    "/Filter /FlateDecode",
    "/Filter /ASCIIHexDecode",
    "%PDF-1.7\n",
    "/Length 0",
    "x\u{9c}",
];

/// Strings a value may be replaced with.
const STRINGS: &[&str] = &[
    "",
    "<script>window.pwned=1</script>",
    "<img src=x onerror=window.pwned=1>",
    "\u{202e}fdp.exe",
    "\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}",
    "\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}",
    "𝕏\u{0}\u{1}\u{7f}",
    "(a+)+$",
    "[",
    "^(?=x)\\p{L}+$",
    "2026-02-30",
    "31.12.2026",
    "urn:bogen:form:screening:99.0.0",
    "urn:bogen:form:probe:1.0.0",
    "sha256:00",
    "#",
    "#/$defs",
    "#/properties",
    "https://example.org/schema.json",
    "bogen-record",
    "date",
    "email",
    "textarea",
    "radio",
    "checkboxes",
    "hidden",
    "*",
    "typed",
    "drawn",
];

/// Keys an object may gain: the words the readers look for.
const KEYS: &[&str] = &[
    "$ref",
    "$defs",
    "$id",
    "type",
    "properties",
    "items",
    "enum",
    "const",
    "format",
    "pattern",
    "required",
    "minItems",
    "maxItems",
    "maxLength",
    "allOf",
    "oneOf",
    "if",
    "then",
    "ui:widget",
    "ui:order",
    "ui:options",
    "ui:help",
    "rows",
    "fields",
    "errors",
    "ui",
    "title",
    "data",
    "dataHash",
    "signatures",
    "form",
    "formatVersion",
    "mark",
    "strokes",
    "__proto__",
    "",
];

/// One change to a document.
#[derive(Debug, Clone)]
pub enum Mutation {
    FlipBit { at: Index, bit: u8 },
    Truncate { at: Index },
    Delete { at: Index, len: usize },
    Insert { at: Index, token: Index, times: usize },
    Duplicate { at: Index, len: usize, times: usize },
    Json { at: Index, change: JsonChange },
}

/// A change to one value of a JSON document (skipped when the document is no JSON any more).
#[derive(Debug, Clone)]
pub enum JsonChange {
    Remove,
    Replace(Replacement),
    /// Adds a key to an object or an item to an array.
    Add {
        key: Index,
        value: Replacement,
    },
}

/// What a value is replaced with.
#[derive(Debug, Clone)]
pub enum Replacement {
    Null,
    Bool(bool),
    Integer(i64),
    Float(f64),
    String(Index),
    /// A string of this many repetitions of a (multi-byte) character.
    Huge(usize),
    EmptyArray,
    EmptyObject,
    /// Arrays or objects nested this deep.
    Deep {
        depth: usize,
        objects: bool,
    },
    /// A copy of another value of the same document (the root included).
    CopyOf(Index),
}

fn replacement() -> impl Strategy<Value = Replacement> {
    prop_oneof![
        1 => Just(Replacement::Null),
        1 => any::<bool>().prop_map(Replacement::Bool),
        1 => prop_oneof![any::<i64>(), -2i64..1000].prop_map(Replacement::Integer),
        1 => any::<f64>().prop_map(Replacement::Float),
        4 => any::<Index>().prop_map(Replacement::String),
        1 => prop_oneof![1usize..64, Just(70_000), Just(1 << 20)].prop_map(Replacement::Huge),
        1 => Just(Replacement::EmptyArray),
        1 => Just(Replacement::EmptyObject),
        1 => (prop_oneof![1usize..40, 60usize..70, 100usize..3000], any::<bool>())
            .prop_map(|(depth, objects)| Replacement::Deep { depth, objects }),
        2 => any::<Index>().prop_map(Replacement::CopyOf),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let times = prop_oneof![8 => 1usize..4, 1 => 100usize..20_000];
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        1 => any::<Index>().prop_map(|at| Mutation::Truncate { at }),
        1 => (any::<Index>(), 1usize..256).prop_map(|(at, len)| Mutation::Delete { at, len }),
        3 => (any::<Index>(), any::<Index>(), times).prop_map(|(at, token, times)| Mutation::Insert { at, token, times }),
        1 => (any::<Index>(), 1usize..4096, 1usize..8).prop_map(|(at, len, times)| Mutation::Duplicate { at, len, times }),
        8 => (any::<Index>(), json_change()).prop_map(|(at, change)| Mutation::Json { at, change }),
    ]
}

fn json_change() -> impl Strategy<Value = JsonChange> {
    prop_oneof![
        1 => Just(JsonChange::Remove),
        3 => replacement().prop_map(JsonChange::Replace),
        2 => (any::<Index>(), replacement()).prop_map(|(key, value)| JsonChange::Add { key, value }),
    ]
}

/// A test input: which corpus file, changed how. No change at all is a case too (the corpus
/// file itself, which must pass).
#[derive(Debug, Clone)]
pub struct Case {
    pub seed: Index,
    pub mutations: Vec<Mutation>,
}

pub fn case() -> impl Strategy<Value = Case> {
    (any::<Index>(), prop::collection::vec(mutation(), 0..5)).prop_map(|(seed, mutations)| Case { seed, mutations })
}

impl Case {
    pub fn apply(&self, seeds: &[Vec<u8>]) -> Vec<u8> {
        let mut bytes = self.seed.get(seeds).clone();
        for m in &self.mutations {
            m.apply(&mut bytes);
        }
        bytes
    }
}

impl Mutation {
    fn apply(&self, bytes: &mut Vec<u8>) {
        let len = bytes.len();
        let pos = |at: &Index| if len == 0 { 0 } else { at.index(len + 1) };
        match self {
            Mutation::FlipBit { at, bit } => {
                if len > 0 {
                    bytes[at.index(len)] ^= 1 << bit;
                }
            }
            Mutation::Truncate { at } => bytes.truncate(pos(at)),
            Mutation::Delete { at, len: n } => {
                let start = pos(at);
                bytes.drain(start..(start + n).min(len));
            }
            Mutation::Insert { at, token, times } => {
                let token = token.get(TOKENS).as_bytes();
                let at = pos(at);
                bytes.splice(at..at, token.repeat(*times));
            }
            Mutation::Duplicate { at, len: n, times } => {
                let start = pos(at);
                let piece = bytes[start..(start + n).min(len)].to_vec();
                bytes.splice(start..start, piece.repeat(*times));
            }
            Mutation::Json { at, change } => {
                // A whole JSON document, or the JSON inside a PDF's uncompressed stream (the
                // attached record), so the record is changed inside the PDF too.
                let (start, end) = json_region(bytes);
                let Ok(mut doc) = serde_json::from_slice::<Value>(&bytes[start..end]) else { return };
                change.apply(&mut doc, at);
                let json = if len & 1 == 0 { serde_json::to_vec_pretty(&doc) } else { serde_json::to_vec(&doc) }
                    .expect("a JSON value serialises");
                bytes.splice(start..end, json);
            }
        }
    }
}

impl JsonChange {
    fn apply(&self, doc: &mut Value, at: &Index) {
        let pointers = pointers(doc);
        let target = at.get(&pointers).clone();
        self.apply_at(doc, &target, &pointers);
    }

    fn apply_at(&self, doc: &mut Value, target: &str, pointers: &[String]) {
        match self {
            JsonChange::Remove => match target.rsplit_once('/') {
                Some((parent, last)) => match doc.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.shift_remove(&unescape(last));
                    }
                    Some(Value::Array(items)) => {
                        if let Ok(i) = last.parse::<usize>() {
                            if i < items.len() {
                                items.remove(i);
                            }
                        }
                    }
                    _ => {}
                },
                None => *doc = Value::Null,
            },
            JsonChange::Replace(r) => {
                let value = r.build(doc, pointers);
                if let Some(slot) = doc.pointer_mut(target) {
                    *slot = value;
                }
            }
            JsonChange::Add { key, value } => {
                let value = value.build(doc, pointers);
                match doc.pointer_mut(target) {
                    Some(Value::Object(map)) => {
                        map.insert(key.get(KEYS).to_string(), value);
                    }
                    Some(Value::Array(items)) => items.push(value),
                    _ => {}
                }
            }
        }
    }
}

impl Replacement {
    fn build(&self, doc: &Value, pointers: &[String]) -> Value {
        match self {
            Replacement::Null => Value::Null,
            Replacement::Bool(b) => Value::Bool(*b),
            Replacement::Integer(i) => Value::from(*i),
            Replacement::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Replacement::String(i) => Value::String(i.get(STRINGS).to_string()),
            Replacement::Huge(n) => Value::String("ä\u{202e}".repeat(*n / 5 + 1)),
            Replacement::EmptyArray => Value::Array(Vec::new()),
            Replacement::EmptyObject => Value::Object(Map::new()),
            Replacement::Deep { depth, objects } => {
                let mut v = Value::String("tief".into());
                for _ in 0..*depth {
                    v = if *objects {
                        Value::Object(Map::from_iter([("type".to_owned(), Value::from("object")), ("a".to_owned(), v)]))
                    } else {
                        Value::Array(vec![v])
                    };
                }
                v
            }
            Replacement::CopyOf(i) => doc.pointer(i.get(pointers).as_str()).cloned().unwrap_or(Value::Null),
        }
    }
}

/// Where the JSON to change is: the first uncompressed stream holding a JSON object, or else
/// the whole input.
fn json_region(bytes: &[u8]) -> (usize, usize) {
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    if let Some(start) = find(bytes, b"stream\n{").map(|i| i + b"stream\n".len()) {
        if let Some(end) = find(&bytes[start..], b"endstream").map(|i| i + start) {
            return (start, end);
        }
    }
    (0, bytes.len())
}

/// JSON pointers of every value in a document, the root (`""`) first.
fn pointers(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![(doc, String::new())];
    while let Some((v, at)) = stack.pop() {
        match v {
            Value::Object(map) => {
                stack.extend(map.iter().map(|(k, c)| (c, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")))))
            }
            Value::Array(items) => stack.extend(items.iter().enumerate().map(|(i, c)| (c, format!("{at}/{i}")))),
            _ => {}
        }
        out.push(at);
    }
    out
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_inside_an_uncompressed_pdf_stream_is_found() {
        let pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nstream\n{\"a\": 1}\nendstream\n";
        let (start, end) = json_region(pdf);
        assert_eq!(&pdf[start..end], b"{\"a\": 1}\n");
        assert_eq!(json_region(b"{}"), (0, 2));
    }

    #[test]
    fn pointers_name_every_value_and_resolve() {
        let doc = serde_json::json!({"a/b": [1, {"c": null}], "d~": true});
        let ps = pointers(&doc);
        assert_eq!(ps.len(), 6);
        for p in &ps {
            assert!(doc.pointer(p).is_some(), "{p}");
        }
    }

    #[test]
    fn json_changes_reach_nested_values() {
        let mut doc = serde_json::json!({"a": {"b": "x", "c": [1, 2]}});
        let ps = pointers(&doc);
        JsonChange::Replace(Replacement::Deep { depth: 3, objects: false }).apply_at(&mut doc, "/a/b", &ps);
        assert_eq!(doc, serde_json::json!({"a": {"b": [[["tief"]]], "c": [1, 2]}}));
        JsonChange::Remove.apply_at(&mut doc, "/a/c/0", &ps);
        assert_eq!(doc, serde_json::json!({"a": {"b": [[["tief"]]], "c": [2]}}));
        JsonChange::Remove.apply_at(&mut doc, "", &ps);
        assert_eq!(doc, Value::Null);
    }
}
