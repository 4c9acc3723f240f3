//! The built-in forms and shared texts, compiled in by `build.rs` from the workspace's `forms/`.

use bogen_core::{FormBundle, Texts};

use crate::failure::Unusable;

/// One form as its files were at build time.
pub struct BuiltIn {
    /// The folder name, which must equal the id in the schema's `$id`.
    pub id: &'static str,
    pub schema: &'static str,
    pub ui: &'static str,
    /// `forms/<id>/i18n/<lang>.json` by language.
    pub texts: &'static [(&'static str, &'static str)],
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// Every built-in form, sorted by id.
pub fn forms() -> &'static [BuiltIn] {
    FORMS
}

pub fn find(id: &str) -> Option<&'static BuiltIn> {
    FORMS.iter().find(|f| f.id == id)
}

/// Ids of the built-in forms, for messages that name the alternatives.
pub fn ids() -> String {
    if FORMS.is_empty() {
        return "none are built in".to_owned();
    }
    let ids: Vec<&str> = FORMS.iter().map(|f| f.id).collect();
    format!("built in: {}", ids.join(", "))
}

/// Languages that messages can be given in: those with shared texts.
pub fn languages() -> Vec<&'static str> {
    COMMON_TEXTS.iter().map(|(lang, _)| *lang).collect()
}

/// The shared texts of a language; the language must have them.
pub fn common_texts(lang: &str) -> Result<Texts, Unusable> {
    let Some((_, text)) = COMMON_TEXTS.iter().find(|(l, _)| *l == lang) else {
        return Err(Unusable::general(format!(
            "no texts for language {lang:?} (available: {})",
            languages().join(", ")
        )));
    };
    Texts::from_json(text)
        .map_err(|e| Unusable::general(format!("built-in texts forms/common/i18n/{lang}.json are broken: {e}")))
}

impl BuiltIn {
    /// The languages this form has its own texts in.
    pub fn languages(&self) -> Vec<&'static str> {
        self.texts.iter().map(|(lang, _)| *lang).collect()
    }

    /// Loads the form with the shared texts of `lang` and, where it has them, its own on top;
    /// without its own texts, titles fall back to the schema's `title` or the property name.
    pub fn load(&self, lang: &str) -> Result<FormBundle, Unusable> {
        let broken = |what: String| Unusable::general(format!("built-in form {} is broken: {what}", self.id));
        let mut texts = common_texts(lang)?;
        if let Some((_, own)) = self.texts.iter().find(|(l, _)| *l == lang) {
            let own = Texts::from_json(own).map_err(|e| broken(format!("i18n/{lang}.json: {e}")))?;
            texts = texts.layered(own);
        }
        let schema = bogen_core::limits::parse_json(self.schema).map_err(|e| broken(format!("schema.json: {e}")))?;
        let ui = bogen_core::limits::parse_json(self.ui).map_err(|e| broken(format!("ui.json: {e}")))?;
        let bundle = FormBundle::new(schema, ui, texts).map_err(|e| broken(e.to_string()))?;
        if bundle.id != self.id {
            return Err(broken(format!("its $id names form {:?}, not its folder's name", bundle.id)));
        }
        Ok(bundle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_form_loads_in_every_language() {
        for form in forms() {
            for lang in languages() {
                if let Err(e) = form.load(lang) {
                    panic!("{}: {e}", form.id);
                }
            }
        }
    }

    #[test]
    fn shared_texts_exist_in_german_and_english() {
        assert!(common_texts("de").is_ok());
        assert_eq!(common_texts("en").map(|t| t.lang).ok().as_deref(), Some("en"));
        let e = common_texts("xx").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains("\"xx\"") && e.contains("de"), "{e}");
    }
}
