//! Digests over canonical JSON (RFC 8785, JCS), so the same data gives the same digest in every
//! implementation that can canonicalise JSON, not only in Bogen.

use sha2::{Digest, Sha256};

/// `sha256:` followed by the lowercase hex SHA-256 of the value's RFC 8785 form.
pub fn digest(value: &serde_json::Value) -> String {
    let canonical = serde_json_canonicalizer::to_vec(value)
        .expect("serde_json values always canonicalise: keys are strings, numbers finite");
    let hash = Sha256::digest(&canonical);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for byte in hash {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn key_order_does_not_change_the_digest() {
        let a: serde_json::Value = serde_json::from_str(r#"{"b":1,"a":[1,2]}"#).unwrap();
        let b: serde_json::Value = serde_json::from_str(r#"{"a":[1,2],"b":1}"#).unwrap();
        assert_eq!(digest(&a), digest(&b));
        assert_ne!(digest(&a), digest(&json!({"a":[2,1],"b":1})));
    }

    #[test]
    fn digest_matches_rfc8785_canonical_bytes() {
        // sha256 of the canonical text {"a":"ä","b":1}
        let v = json!({"b": 1, "a": "ä"});
        let expected = Sha256::digest("{\"a\":\"ä\",\"b\":1}".as_bytes());
        let hex: String = expected.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(digest(&v), format!("sha256:{hex}"));
    }
}
