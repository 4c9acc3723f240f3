//! Fixed texts of the PDF ("Seite {page} von {pages}", "Unterschrift", role names, …).
//!
//! Code names texts by key only. A form's `ui` texts win (`pdf.<key>`, so a translated form
//! brings its own), then the template's `texts`, then those of `pdf-templates/default.json`;
//! a missing text shows its key, visible rather than blank. Keys: `title`, `page`, `footer`, `numbered`, `numberedHeading`, `yes`, `no`,
//! `decimalSeparator`, `signatures`, `signedAt`, `signedAtNoPlace`, `typedConfirmed`,
//! `typedUnconfirmed`, `textVersion`, `signatureAlt`, `signatureStale`, `placeDate`, `signatureLine`,
//! `attachment`, `role.<code>`.

use std::collections::BTreeMap;

use bogen_core::texts;

use crate::template::Template;

pub(crate) struct Wording<'a> {
    ui: &'a BTreeMap<String, String>,
    template: &'a BTreeMap<String, String>,
    defaults: &'static BTreeMap<String, String>,
}

impl<'a> Wording<'a> {
    pub fn new(ui: &'a BTreeMap<String, String>, template: &'a BTreeMap<String, String>) -> Wording<'a> {
        Wording { ui, template, defaults: &Template::default_layout().texts }
    }

    pub fn get<'k>(&'k self, key: &'k str) -> &'k str {
        self.ui
            .get(&format!("pdf.{key}"))
            .or_else(|| self.template.get(key))
            .or_else(|| self.defaults.get(key))
            .map(String::as_str)
            .unwrap_or(key)
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
    fn form_texts_win_over_the_template_and_missing_ones_show_their_key() {
        let ui = BTreeMap::from([("pdf.page".to_owned(), "Page {page} of {pages}".to_owned())]);
        let template = BTreeMap::from([
            ("page".to_owned(), "Seite {page} von {pages}".to_owned()),
            ("yes".to_owned(), "ja".to_owned()),
        ]);
        let w = Wording::new(&ui, &template);
        assert_eq!(w.fill("page", &[("page", "1"), ("pages", "2")]), "Page 1 of 2");
        assert_eq!(w.get("yes"), "ja");
        assert_eq!(w.get("no"), "nein", "from default.json");
        assert_eq!(w.get("nothing.like.this"), "nothing.like.this");
    }
}
