//! The directory with its texts in one document (`forms/netzwerk.<lang>.json` in the built
//! site), so the browser fetches it with one request, and only when a form asks for it.

use serde_json::{json, Value};

use super::directory::{Directory, DirectoryError, Problem};
use crate::limits;
use crate::texts::Texts;

/// The directory and the texts of its reasons in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct NetzwerkBundle {
    pub directory: Directory,
    /// Texts of `lang`; the build falls back to German where the reasons are not translated.
    pub texts: Texts,
    /// The language the texts are in, so the page can mark German text in another language's form.
    pub lang: String,
}

impl NetzwerkBundle {
    /// The document for a directory (`angebote.json`, already parsed) and the reasons' texts.
    pub fn document(directory: &Value, texts: &Texts) -> Value {
        json!({ "lang": texts.lang, "directory": directory, "texts": texts })
    }

    /// Reads and checks a document written by [`NetzwerkBundle::document`].
    pub fn from_document(text: &str) -> Result<NetzwerkBundle, DirectoryError> {
        let mut value = limits::parse_json(text)?;
        let directory = Directory::from_value(value.pointer("/directory").unwrap_or(&Value::Null))?;
        let texts: Texts = serde_json::from_value(value.get_mut("texts").map(Value::take).unwrap_or_default())
            .map_err(|e| DirectoryError::Invalid(vec![Problem { pointer: "/texts".into(), problem: e.to_string() }]))?;
        let lang = texts.lang.clone();
        Ok(NetzwerkBundle { directory, texts, lang })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANGEBOTE: &str = include_str!("../../../../forms/netzwerk/angebote.json");
    const DE: &str = include_str!("../../../../forms/netzwerk/i18n/de.json");

    #[test]
    fn a_written_document_reads_back() {
        let directory: Value = serde_json::from_str(ANGEBOTE).expect("directory");
        let texts = Texts::from_json(DE).expect("texts");
        let text = NetzwerkBundle::document(&directory, &texts).to_string();
        let bundle = NetzwerkBundle::from_document(&text).expect("reads");
        assert_eq!(bundle.lang, "de");
        assert_eq!(bundle.directory.angebote.len(), 108);
        assert_eq!(bundle.texts, texts);
    }

    #[test]
    fn a_broken_directory_is_refused_with_its_pointer() {
        let text = r#"{"lang": "de", "directory": {"stand": "2023-11"}, "texts": {"lang": "de"}}"#;
        let error = NetzwerkBundle::from_document(text).expect_err("refused").to_string();
        assert!(error.contains("staedte"), "{error}");
    }
}
