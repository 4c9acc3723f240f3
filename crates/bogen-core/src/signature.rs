//! Signatures in a record: who signed, in which role, where and when, how (drawn strokes or a
//! typed name with explicit confirmation), and the digest of the data they cover.
//!
//! Signatures live in the record envelope, not in the form data, because each one covers the
//! data's digest and cannot be part of what it covers. Strokes are vector data (points with
//! time), so the PDF draws them sharply at any size.

use serde::{Deserialize, Serialize};

use crate::canonical;

/// One signature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Signature {
    /// `teilnehmende` or `casemanagement` (codes; the label comes from the texts).
    pub role: String,
    pub name: String,
    #[serde(default)]
    pub place: String,
    /// RFC 3339 timestamp of signing.
    pub signed_at: String,
    pub mark: Mark,
    /// Digest of the data at the moment of signing (`sha256:<hex>`, as `Record::data_hash`).
    pub data_hash: String,
    /// Version of the text the signer was shown (e.g. the Datenschutzerklärung's), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_version: Option<String>,
}

/// How the signer marked the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "camelCase", rename_all_fields = "camelCase", deny_unknown_fields)]
pub enum Mark {
    /// Drawn with finger, stylus or mouse on a pad of `width` × `height` CSS pixels.
    Drawn { width: f64, height: f64, strokes: Vec<Vec<Point>> },
    /// For people who cannot draw: the full name typed and an explicit confirmation.
    Typed { typed_name: String, confirmed: bool },
}

/// A point of a stroke: position in pad pixels, time in ms since the stroke began.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub t: f64,
}

impl Signature {
    /// Whether the signature still covers `data` (it does not after a signed field changed).
    pub fn covers(&self, data: &serde_json::Value) -> bool {
        canonical::digest(data) == self.data_hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_signature_covers_only_the_data_it_was_made_for() {
        let data = json!({"ziel": "Wohnung"});
        let sig = Signature {
            role: "teilnehmende".into(),
            name: "Amal Haddad".into(),
            place: "Mettmann".into(),
            signed_at: "2026-11-30T10:00:00Z".into(),
            mark: Mark::Typed { typed_name: "Amal Haddad".into(), confirmed: true },
            data_hash: canonical::digest(&data),
            text_version: None,
        };
        assert!(sig.covers(&data));
        assert!(!sig.covers(&json!({"ziel": "Arbeit"})));
        let text = serde_json::to_string(&sig).unwrap();
        assert!(text.contains("\"method\":\"typed\"") && text.contains("\"typedName\""), "{text}");
        assert_eq!(serde_json::from_str::<Signature>(&text).unwrap(), sig);
    }
}
