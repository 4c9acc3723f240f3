//! What `bogen.js` calls. JSON crosses the boundary as text, which keeps the wasm small (no
//! serde bridge) and hands the host plain objects after one `JSON.parse`.

use bogen_core::limits;
use bogen_core::{FormBundle, Profile, ProfileError, Texts};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use yew::AppHandle;

use crate::panic;
use crate::participant::Participant;
use crate::state::{Form, Status};
use crate::view::{FormView, FormViewProps};

/// A mounted form.
#[wasm_bindgen]
pub struct FormHandle {
    form: Form,
    app: Option<AppHandle<FormView>>,
}

/// Mounts a built form bundle (`forms/<id>.<lang>.json`).
#[wasm_bindgen(js_name = mountBundle)]
pub fn mount_bundle(
    element: HtmlElement,
    bundle: &str,
    data: Option<String>,
    lang: &str,
) -> Result<FormHandle, JsError> {
    let bundle = FormBundle::from_document(bundle).map_err(|e| JsError::new(&format!("form bundle: {e}")))?;
    mount(element, bundle, data, lang)
}

/// Mounts a form the host brings: its schema and uiSchema, its texts laid over the shared ones.
#[wasm_bindgen(js_name = mountCustom)]
pub fn mount_custom(
    element: HtmlElement,
    common_texts: &str,
    schema: &str,
    ui: &str,
    texts: Option<String>,
    data: Option<String>,
    lang: &str,
) -> Result<FormHandle, JsError> {
    let shared = shared_texts(common_texts)?;
    let texts = match texts {
        Some(own) => shared.layered(Texts::from_json(&own).map_err(|e| JsError::new(&format!("texts: {e}")))?),
        None => shared,
    };
    let schema = limits::parse_json(schema).map_err(|e| JsError::new(&format!("schema: {e}")))?;
    let ui = limits::parse_json(ui).map_err(|e| JsError::new(&format!("uiSchema: {e}")))?;
    let bundle = FormBundle::new(schema, ui, texts).map_err(|e| JsError::new(&e.to_string()))?;
    mount(element, bundle, data, lang)
}

/// The shared texts: a texts file, or a bundle document holding one.
fn shared_texts(text: &str) -> Result<Texts, JsError> {
    let value = limits::parse_json(text).map_err(|e| JsError::new(&format!("shared texts: {e}")))?;
    let value = match value {
        Value::Object(mut map) if map.contains_key("texts") => map.remove("texts").unwrap_or_default(),
        other => other,
    };
    serde_json::from_value(value).map_err(|e| JsError::new(&format!("shared texts: {e}")))
}

fn parse_data(data: &str) -> Result<Value, JsError> {
    let value = limits::parse_json(data).map_err(|e| JsError::new(&format!("data: {e}")))?;
    if !value.is_object() {
        return Err(JsError::new("data: must be a JSON object"));
    }
    Ok(value)
}

fn mount(element: HtmlElement, bundle: FormBundle, data: Option<String>, lang: &str) -> Result<FormHandle, JsError> {
    let data = data.as_deref().map(parse_data).transpose()?;
    let form = Form::new(bundle, element.clone(), data, lang);
    panic::register(&form);
    element.set_text_content(None);
    let app =
        yew::Renderer::<FormView>::with_root_and_props(element.into(), FormViewProps { form: form.clone() }).render();
    Ok(FormHandle { form, app: Some(app) })
}

#[wasm_bindgen]
impl FormHandle {
    /// The current data as JSON text.
    pub fn data(&self) -> String {
        self.form.data().to_string()
    }

    /// Replaces the data and renders the form anew.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, data: &str) -> Result<(), JsError> {
        self.form.set_data(parse_data(data)?);
        Ok(())
    }

    /// Shows every message as a submit attempt does; returns `[{pointer, message}]` as JSON.
    /// An error before the validator module has arrived (`mount` waits for it).
    pub fn validate(&self) -> Result<String, JsError> {
        let errors = self.form.check(false);
        if !self.form.verdict_ready() {
            return Err(JsError::new("Bogen: the validator module has not been loaded"));
        }
        Ok(serde_json::to_string(&errors).unwrap_or_else(|_| "[]".into()))
    }

    /// Why the validator module refuses the form's schema, once it has arrived: a schema a
    /// host brought that is not JSON Schema 2020-12. `mount` then fails with this message.
    #[wasm_bindgen(js_name = schemaProblem)]
    pub fn schema_problem(&self) -> Option<String> {
        self.form.validation.schema_problem(&self.form.bundle)
    }

    /// The record of the current data as JSON text.
    pub fn record(&self) -> String {
        self.form.record().to_json()
    }

    /// Loads a record's JSON text; returns the import notices (JSON array of texts). On error
    /// the form stays as it is and the error's message is for people, in the form's language.
    pub fn load(&self, text: &str) -> Result<String, JsError> {
        let notices = self.form.import(text).map_err(|message| JsError::new(&message))?;
        if !notices.is_empty() {
            let text = notices.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(" ");
            self.form.set_status(Some(Status { text: text.into(), error: false }));
        }
        Ok(serde_json::to_string(&notices.iter().map(|n| n.as_str()).collect::<Vec<_>>()).unwrap_or_default())
    }

    /// The form bundle document (`{schema, ui, texts}`) as JSON text, for the PDF module.
    pub fn bundle(&self) -> String {
        let bundle = &self.form.bundle;
        serde_json::json!({"schema": bundle.schema, "ui": bundle.ui, "texts": bundle.texts}).to_string()
    }

    /// Shows the form for reading only (`true`) or for filling in again (`false`).
    #[wasm_bindgen(js_name = setReadOnly)]
    pub fn set_read_only(&self, read_only: bool) {
        self.form.set_read_only(read_only);
    }

    /// Checks a Träger profile (JSON text; none when it could not be fetched) and returns it as
    /// JSON. With `prefill` the fields the profile answers are filled in where still empty. A
    /// profile that cannot be used is an error whose message, in the form's language, names
    /// what is wrong; the form is left as it was.
    #[wasm_bindgen(js_name = useProfile)]
    pub fn use_profile(&self, text: Option<String>, prefill: bool) -> Result<String, JsError> {
        let profile = text
            .as_deref()
            .ok_or(ProfileError::Unreadable)
            .and_then(Profile::read)
            .and_then(|value| {
                let violations = crate::validator::profile_violations(&value).ok_or(ProfileError::Unreadable)?;
                Profile::checked(value, &violations)
            })
            .map_err(|e| JsError::new(&e.text(&self.form.bundle.texts)))?;
        *self.form.traeger.borrow_mut() = Some(profile.clone());
        if prefill {
            let mut data = self.form.data();
            let before = data.clone();
            profile.prefill(&self.form.bundle.schema, &mut data);
            if data != before {
                self.form.set_start(data);
            }
        }
        Ok(serde_json::to_string(&profile).unwrap_or_default())
    }

    /// `bogen.js` reports a PDF request's end: the file name offered, or none if it failed.
    #[wasm_bindgen(js_name = pdfOutcome)]
    pub fn pdf_outcome(&self, file: Option<String>) {
        crate::pdf::outcome(&self.form, file.as_deref());
    }

    /// Sets the participant's language from its form bundle (`forms/<id>.<lang>.json`), or none.
    /// Choosing one turns mixed mode on. On error nothing changes.
    #[wasm_bindgen(js_name = setParticipant)]
    pub fn set_participant(&self, bundle: Option<String>) -> Result<(), JsError> {
        let participant = bundle
            .map(|b| Participant::from_bundle(&b, &self.form.bundle))
            .transpose()
            .map_err(|e| JsError::new(&format!("participant bundle: {e}")))?;
        let chosen = participant.is_some();
        self.form.participant.set(participant);
        self.form.participant.set_mixed(chosen);
        self.form.rerender();
        Ok(())
    }

    /// The form's id (`hilfeplan`), to fetch its bundle in another language.
    #[wasm_bindgen(js_name = formId)]
    pub fn form_id(&self) -> String {
        self.form.bundle.id.clone()
    }

    /// `bogen.js` could not load the participant's language: the status says so.
    #[wasm_bindgen(js_name = participantFailed)]
    pub fn participant_failed(&self) {
        self.form.set_status(Some(Status { text: self.form.ui("participant.failed"), error: true }));
        self.form.rerender();
    }

    /// The participant's language, if one is set.
    #[wasm_bindgen(js_name = participantLang)]
    pub fn participant_lang(&self) -> Option<String> {
        self.form.participant.get().map(|p| p.lang().to_owned())
    }

    /// Mixed mode: the participant's texts beneath the working language's.
    #[wasm_bindgen(js_name = setMixed)]
    pub fn set_mixed(&self, on: bool) {
        self.form.participant.set_mixed(on);
        self.form.rerender();
    }

    pub fn mixed(&self) -> bool {
        self.form.participant.is_mixed()
    }

    /// Removes the form from the page.
    pub fn destroy(&mut self) {
        self.form.detach();
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}
