//! Fixed texts of the PDF ("Seite {page} von {pages}", "Unterschrift", role names, …).
//!
//! Code names texts by key only. The shared texts (`forms/common/i18n/<lang>.json`) carry them
//! as `pdf.<key>` in every language; a form's own texts may override them. A template's
//! `texts` are German, like the layouts themselves: for German they win over the form's
//! texts (so a Träger's layout can word things its own way), for any other language the
//! translated `pdf.<key>` wins. `pdf-templates/default.json` fills in what both leave out; a
//! missing text shows its key, visible rather than blank. Keys: `title`, `page`, `footer`,
//! `numbered`, `numberedHeading`, `yes`, `no`, `decimalSeparator`, `signatures`, `signedAt`,
//! `signedAtNoPlace`, `typedConfirmed`, `typedUnconfirmed`, `textVersion`, `signatureAlt`,
//! `signatureStale`, `placeDate`, `signatureLine`, `attachment`, `binding` (that the German text
//! is the binding one, in bilingual PDFs), `role.<code>`.

use std::collections::BTreeMap;

use bogen_core::texts;

use crate::template::Template;

/// The language templates are written in.
pub(crate) const TEMPLATE_LANG: &str = "de";

pub(crate) struct Wording<'a> {
    ui: &'a BTreeMap<String, String>,
    template: &'a BTreeMap<String, String>,
    defaults: &'static BTreeMap<String, String>,
    /// Whether the texts are in the template's language, so its texts win.
    template_first: bool,
}

impl<'a> Wording<'a> {
    /// The wording of texts in `lang` (the form bundle's language) under a template.
    pub fn new(ui: &'a BTreeMap<String, String>, template: &'a BTreeMap<String, String>, lang: &str) -> Wording<'a> {
        let template_first = lang == TEMPLATE_LANG;
        Wording { ui, template, defaults: &Template::default_layout().texts, template_first }
    }

    pub fn get<'k>(&'k self, key: &'k str) -> &'k str {
        let ui = || self.ui.get(&format!("pdf.{key}"));
        let template = || self.template.get(key);
        let found = if self.template_first { template().or_else(ui) } else { ui().or_else(template) };
        found.or_else(|| self.defaults.get(key)).map(String::as_str).unwrap_or(key)
    }

    /// The text of `key` with its `{placeholders}` filled.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        texts::fill(self.get(key), values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translated_texts_win_over_the_template_and_missing_ones_show_their_key() {
        let ui = BTreeMap::from([("pdf.page".to_owned(), "Page {page} of {pages}".to_owned())]);
        let template = BTreeMap::from([
            ("page".to_owned(), "Seite {page} von {pages}".to_owned()),
            ("yes".to_owned(), "ja".to_owned()),
        ]);
        let w = Wording::new(&ui, &template, "en");
        assert_eq!(w.fill("page", &[("page", "1"), ("pages", "2")]), "Page 1 of 2");
        assert_eq!(w.get("yes"), "ja");
        assert_eq!(w.get("no"), "nein", "from default.json");
        assert_eq!(w.get("nothing.like.this"), "nothing.like.this");
    }

    #[test]
    fn a_template_words_german_its_own_way() {
        let ui = BTreeMap::from([("pdf.page".to_owned(), "Seite {page} von {pages}".to_owned())]);
        let template = BTreeMap::from([("page".to_owned(), "Blatt {page}/{pages}".to_owned())]);
        let w = Wording::new(&ui, &template, "de");
        assert_eq!(w.fill("page", &[("page", "1"), ("pages", "2")]), "Blatt 1/2");
    }
}
