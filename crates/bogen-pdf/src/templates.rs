//! The layout templates of the built-in forms, compiled in from `pdf-templates/`:
//! `default.json` (page, type, fixed texts and the layout of forms without their own) and one
//! file per form.

use std::sync::OnceLock;

use crate::error::PdfError;
use crate::template::Template;

const DEFAULT: &str = include_str!("../../../pdf-templates/default.json");

/// `(form id, template text)` of every form's file in `pdf-templates/`.
pub(crate) static BUILT_IN: &[(&str, &str)] = &[
    ("assessment", include_str!("../../../pdf-templates/assessment.json")),
    ("datenschutz", include_str!("../../../pdf-templates/datenschutz.json")),
    ("hilfeplan", include_str!("../../../pdf-templates/hilfeplan.json")),
    ("screening", include_str!("../../../pdf-templates/screening.json")),
];

impl Template {
    /// The built-in template of a form, or the default layout when it has none.
    pub fn for_form(form: &str) -> Result<Template, PdfError> {
        match BUILT_IN.iter().find(|(id, _)| *id == form) {
            Some((id, text)) => Template::from_json(&format!("pdf-templates/{id}.json"), text),
            None => Ok(Template::generic(form)),
        }
    }

    /// A layout for any form: the default layout, for `form`.
    pub fn generic(form: &str) -> Template {
        Template { form: form.to_owned(), ..Template::default_layout().clone() }
    }

    /// Form ids with a built-in template.
    pub fn built_in_forms() -> impl Iterator<Item = &'static str> {
        BUILT_IN.iter().map(|(id, _)| *id)
    }

    /// `pdf-templates/default.json`, whose texts fill in what a template leaves out.
    pub(crate) fn default_layout() -> &'static Template {
        static PARSED: OnceLock<Template> = OnceLock::new();
        PARSED.get_or_init(|| {
            Template::from_json("pdf-templates/default.json", DEFAULT)
                .expect("pdf-templates/default.json is checked by the tests")
        })
    }
}
