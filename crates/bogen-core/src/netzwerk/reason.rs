//! Why a Zielgruppe or an offer matches or not: a code and parameters, never a sentence. The
//! sentences live in `forms/netzwerk/i18n/<lang>.json` under `ui` as `netzwerk.<code>`, so the
//! same reason reads German on the tablet and English in an import log.

use serde::Serialize;

use crate::texts::{fill, Texts};

/// One reason; `params` are codes, numbers and ISO dates, never words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
}

impl Reason {
    pub fn new(code: &'static str) -> Reason {
        Reason { code, params: Vec::new() }
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> Reason {
        self.params.push((name, value.to_string()));
        self
    }

    /// The value of a parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// The key of the sentence in the texts.
    pub fn key(&self) -> String {
        format!("netzwerk.{}", self.code)
    }

    /// The sentence in the language of `texts`. A parameter value with a text of its own
    /// (`netzwerk.wert.<name>.<value>`, e.g. a status code) is shown by that text; ISO dates are
    /// shown as TT.MM.JJJJ.
    pub fn text(&self, texts: &Texts) -> String {
        let key = self.key();
        let template = texts.ui(&key);
        let shown: Vec<(&str, String)> = self
            .params
            .iter()
            .map(|(name, value)| {
                let label_key = format!("netzwerk.wert.{name}.{value}");
                let shown = match texts.ui.get(&label_key) {
                    Some(label) => label.clone(),
                    None => crate::date::display(value),
                };
                (*name, shown)
            })
            .collect();
        let pairs: Vec<(&str, &str)> = shown.iter().map(|(n, v)| (*n, v.as_str())).collect();
        fill(template, &pairs)
    }
}

/// Reasons serialise as `{"code": …, "params": {…}}`, the shape the browser and `--json` read.
impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let params: serde_json::Map<String, serde_json::Value> =
            self.params.iter().map(|(n, v)| ((*n).to_owned(), serde_json::Value::String(v.clone()))).collect();
        let mut s = serializer.serialize_struct("Reason", 2)?;
        s.serialize_field("code", self.code)?;
        s.serialize_field("params", &params)?;
        s.end()
    }
}
