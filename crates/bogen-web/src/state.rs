//! The state of one mounted form, shared by all its components: the data, which fields were
//! edited and left, the current messages and who listens for which of them.
//!
//! A keystroke writes one value at its pointer; after the next frame (only when some message can
//! be seen) the data is validated once and only the fields whose visible message changed are
//! told, plus the error summary. No other component re-renders, which keeps long lists fast.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use bogen_core::record::ImportNotice;
use bogen_core::texts::fill;
use bogen_core::ui::UiNode;
use bogen_core::{path, FieldError, FormBundle, Profile, Record, RecordError, Signature};
use serde_json::Value;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;
use yew::{AttrValue, Callback};

use crate::defaults;
use crate::events;
use crate::follow_up::FollowUps;
use crate::ids::Ids;
use crate::tree::Node;
use crate::validator::Validation;

mod lists;

/// A mounted form; clones share it.
#[derive(Clone)]
pub struct Form(Rc<Shared>);

impl PartialEq for Form {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A form known without being kept alive (by the panic hook, by the validator's arrival).
#[derive(Clone)]
pub struct WeakForm(std::rc::Weak<Shared>);

impl WeakForm {
    pub fn upgrade(&self) -> Option<Form> {
        self.0.upgrade().map(Form)
    }
}

impl std::ops::Deref for Form {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    pub bundle: FormBundle,
    pub tree: Rc<Node>,
    /// The host's element: events are dispatched here.
    pub element: HtmlElement,
    pub ids: Ids,
    pub lang: String,
    /// Which follow-up questions show; their hidden answers stay in `data`.
    pub follow_ups: FollowUps,
    /// The form's schema in the validator module.
    pub validation: Validation,
    inner: RefCell<Inner>,
    listeners: RefCell<Listeners>,
    refresh_pending: Cell<bool>,
    /// How often the data was replaced as a whole (setData, a loaded record): the view renders
    /// every field anew when this differs from what it last rendered.
    reloads: Cell<u32>,
    /// Signatures made or loaded, kept apart from the data they cover (see `signature`).
    pub signatures: RefCell<Vec<Signature>>,
    /// Shown for reading only: inputs disabled, no controls that add, remove, load or sign.
    read_only: Cell<bool>,
    /// The Träger profile the host gave, written into every record.
    pub traeger: RefCell<Option<Profile>>,
    /// The participant's language beside the working one (mixed mode, handover).
    pub participant: crate::participant::Side,
}

#[derive(Default)]
struct Inner {
    data: Value,
    errors: Vec<FieldError>,
    /// Whether `errors` describes the current data. Validation waits while no message can be
    /// seen (nothing left, nothing submitted), so filling in a new form costs no validation.
    fresh: bool,
    /// The message each field shows now, by pointer.
    shown: HashMap<String, AttrValue>,
    /// Fields the person typed into; leaving one of them shows its message.
    edited: HashSet<String>,
    /// Fields whose message is shown before any submit attempt.
    touched: HashSet<String>,
    submitted: bool,
    /// A submit attempt came before the validator module: it is made again when it arrives.
    submit_waiting: bool,
    focus_summary: bool,
    /// The record last saved or loaded, so `created` survives saving again.
    record: Option<Record>,
    status: Option<Status>,
}

/// Told the message a field shows whenever it changes.
type MessageListener = Callback<Option<AttrValue>>;

#[derive(Default)]
struct Listeners {
    next: u32,
    fields: HashMap<String, Vec<(u32, MessageListener)>>,
    summary: Option<Callback<()>>,
    status: Option<Callback<()>>,
    announce: Option<Callback<AttrValue>>,
    reload: Option<Callback<()>>,
    /// Lists still rendering their items in batches, asked to render them all now.
    reveal: Vec<(u32, Callback<()>)>,
}

/// A message in the form's status region (loading, saving, submitting).
#[derive(Clone, PartialEq)]
pub struct Status {
    pub text: AttrValue,
    pub error: bool,
}

/// One line of the error summary.
#[derive(Clone, PartialEq)]
pub struct SummaryEntry {
    pub pointer: String,
    pub message: AttrValue,
}

/// What listeners must hear, collected while the state is borrowed and told after, because a
/// listener may read the state.
#[derive(Default)]
struct Changes {
    fields: Vec<String>,
    summary: bool,
}

impl Form {
    pub fn new(bundle: FormBundle, element: HtmlElement, data: Option<Value>, lang: &str) -> Form {
        let tree = Node::build(&bundle.root, &bundle.schema, &bundle.ui);
        let data = prepared(&bundle, data);
        let follow_ups = FollowUps::new(&bundle, &data);
        let inner = Inner { data, ..Inner::default() };
        let form = Form(Rc::new(Shared {
            bundle,
            tree,
            element,
            ids: Ids::fresh(),
            lang: lang.to_owned(),
            follow_ups,
            validation: Validation::default(),
            inner: RefCell::new(inner),
            listeners: RefCell::default(),
            refresh_pending: Cell::new(false),
            reloads: Cell::new(0),
            signatures: RefCell::default(),
            read_only: Cell::new(false),
            traeger: RefCell::default(),
            participant: Default::default(),
        }));
        Validation::register(form.downgrade());
        form
    }

    /// The validator module is there: messages due are shown, a waiting submit is made.
    pub fn validator_arrived(&self) {
        self.refresh_now();
        let waiting = std::mem::take(&mut self.inner.borrow_mut().submit_waiting);
        if waiting {
            self.submit();
        }
    }

    pub fn downgrade(&self) -> WeakForm {
        WeakForm(Rc::downgrade(&self.0))
    }

    /// An interface text from the bundle's `ui` texts.
    pub fn ui(&self, key: &str) -> AttrValue {
        AttrValue::from(self.bundle.texts.ui(key).to_owned())
    }

    /// An interface text with its `{placeholders}` filled.
    pub fn ui_fill(&self, key: &str, values: &[(&str, &str)]) -> AttrValue {
        AttrValue::from(fill(self.bundle.texts.ui(key), values))
    }

    /// An interface text that may be absent (settings such as the decimal separator).
    pub fn ui_opt(&self, key: &str) -> Option<&str> {
        self.bundle.texts.ui.get(key).map(String::as_str)
    }

    pub fn with_value<R>(&self, pointer: &str, f: impl FnOnce(Option<&Value>) -> R) -> R {
        f(path::get(&self.inner.borrow().data, pointer))
    }

    /// Number of items of the list at `pointer` (0 when it is missing or no list).
    pub fn len(&self, pointer: &str) -> usize {
        self.with_value(pointer, |v| v.and_then(Value::as_array).map_or(0, Vec::len))
    }

    /// The data as the host gets it: without the answers to hidden follow-up questions.
    pub fn data(&self) -> Value {
        self.follow_ups.visible(&self.inner.borrow().data)
    }

    pub fn message(&self, pointer: &str) -> Option<AttrValue> {
        self.inner.borrow().shown.get(pointer).cloned()
    }

    /// Writes a value typed or picked by the person; `None` removes it (so `required` fires).
    pub fn write(&self, pointer: &str, value: Option<Value>) {
        let (live, appeared) = {
            let mut inner = self.inner.borrow_mut();
            let in_list = parent_is_list(&inner.data, pointer);
            match value {
                None if in_list => path::set(&mut inner.data, pointer, Some(Value::Null)),
                v => path::set(&mut inner.data, pointer, v),
            }
            inner.edited.insert(pointer.to_owned());
            inner.fresh = false;
            let appeared = self.follow_ups.update(&self.bundle, &inner.data, pointer);
            (inner.submitted || !inner.touched.is_empty(), appeared)
        };
        self.follow_ups.tell(&appeared);
        if live && !appeared.is_empty() {
            // Messages of questions that just disappeared go at once, not a frame later.
            self.refresh_now();
        } else if live {
            self.refresh_after_paint();
        }
        self.changed(pointer);
    }

    /// Messages follow typing one frame later: the typed character is painted first, then the
    /// data is validated, so a long form is as quick to type in as a short one. Keystrokes
    /// within one frame share one validation.
    fn refresh_after_paint(&self) {
        if self.refresh_pending.replace(true) {
            return;
        }
        let Some(window) = web_sys::window() else { return self.refresh_now() };
        let form = self.clone();
        let after_paint = Closure::once_into_js(move || {
            let run = Closure::once_into_js(move || form.refresh_now());
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(run.unchecked_ref());
            }
        });
        if window.request_animation_frame(after_paint.unchecked_ref()).is_err() {
            self.refresh_now();
        }
    }

    fn refresh_now(&self) {
        self.refresh_pending.set(false);
        let changes = self.refresh(&mut self.inner.borrow_mut());
        self.tell(changes);
    }

    /// The person left a field: from now on its message shows, if they changed it.
    pub fn blur(&self, pointer: &str) {
        let changes = {
            let mut inner = self.inner.borrow_mut();
            if !inner.edited.contains(pointer) || !inner.touched.insert(pointer.to_owned()) {
                return;
            }
            self.refresh(&mut inner)
        };
        self.tell(changes);
    }

    /// A submit attempt: shows every message; returns them (empty when the data is valid).
    pub fn check(&self, focus_summary: bool) -> Vec<FieldError> {
        let (mut changes, errors) = {
            let mut inner = self.inner.borrow_mut();
            inner.submitted = true;
            let changes = self.refresh(&mut inner);
            inner.focus_summary = focus_summary && !inner.errors.is_empty();
            (changes, inner.errors.clone())
        };
        changes.summary = true;
        self.tell(changes);
        errors
    }

    /// Whether the messages describe the current data (the validator has had its say).
    pub fn verdict_ready(&self) -> bool {
        self.inner.borrow().fresh
    }

    /// The submit button: checks, and hands a valid record to the host. Before the validator
    /// module has arrived the attempt waits for it; nothing leaves the form unchecked.
    pub fn submit(&self) {
        let errors = self.check(true);
        if !self.verdict_ready() {
            self.inner.borrow_mut().submit_waiting = true;
            return;
        }
        if !errors.is_empty() {
            self.set_status(None);
            return;
        }
        let record = self.record();
        self.set_status(Some(Status { text: self.ui("submit.done"), error: false }));
        let detail = events::detail(&[("record", events::json(&record.to_json()))]);
        events::dispatch(&self.element, events::SUBMIT, &detail);
    }

    /// Whether the summary should take focus now (after a submit attempt); asking clears it.
    pub fn take_summary_focus(&self) -> bool {
        std::mem::take(&mut self.inner.borrow_mut().focus_summary)
    }

    /// The error summary's lines, in screen order; `None` before the first submit attempt.
    pub fn summary(&self) -> Option<Vec<SummaryEntry>> {
        let inner = self.inner.borrow();
        if !inner.submitted {
            return None;
        }
        let mut seen = HashSet::new();
        Some(
            inner
                .errors
                .iter()
                .filter(|e| seen.insert(e.pointer.as_str()))
                .filter_map(|e| {
                    inner.shown.get(&e.pointer).map(|m| SummaryEntry { pointer: e.pointer.clone(), message: m.clone() })
                })
                .collect(),
        )
    }

    /// The record of the current data; `created` stays that of the first save or the loaded file,
    /// `modified` that of the last change.
    pub fn record(&self) -> Record {
        let now = now();
        let mut inner = self.inner.borrow_mut();
        let data = self.follow_ups.visible(&inner.data);
        let record = match inner.record.take() {
            // Unchanged data keeps its record: `modified` says when the data last changed, and
            // saving and making a PDF of the same data give the same record (and the same PDF).
            Some(r) if r.data == data && r.form.schema_hash == self.bundle.schema_hash => r,
            Some(mut r) => {
                r.update(&self.bundle, data, &now);
                r
            }
            None => Record::new(&self.bundle, data, &self.lang, &now),
        };
        let mut record = record;
        record.signatures = self.signatures.borrow().clone();
        if let Some(traeger) = self.traeger.borrow().clone() {
            record.traeger = Some(traeger);
        }
        inner.record = Some(record.clone());
        record
    }

    /// Replaces the data (from the host) and renders the form anew.
    pub fn set_data(&self, data: Value) {
        self.replace(prepared(&self.bundle, Some(data)), None);
        self.changed("");
    }

    /// Replaces the data with what the form starts from (a Träger profile's answers filled in):
    /// not a change anyone made, so no `bogen-change` (and no draft) follows.
    pub fn set_start(&self, data: Value) {
        self.replace(prepared(&self.bundle, Some(data)), None);
    }

    /// Loads a record's text. On error nothing changes and the message says why, in the form's
    /// language; on success the notices say what the person should check.
    pub fn import(&self, text: &str) -> Result<Vec<AttrValue>, AttrValue> {
        let record = Record::parse(text).map_err(|e| self.record_error(&e))?;
        let notices = record.check(&self.bundle).map_err(|e| self.record_error(&e))?;
        let data = prepared(&self.bundle, Some(record.data.clone()));
        let stale = crate::signature::stale_notices(self, &record);
        *self.signatures.borrow_mut() = record.signatures.clone();
        self.replace(data, Some(record));
        self.changed("");
        Ok(notices
            .iter()
            .map(|n| match n {
                ImportNotice::OlderFormVersion { found, installed } => self.ui_fill(
                    "record.notice.olderFormVersion",
                    &[("found", found.as_str()), ("installed", installed.as_str())],
                ),
                ImportNotice::SchemaChanged => self.ui("record.notice.schemaChanged"),
            })
            .chain(stale)
            .collect())
    }

    fn record_error(&self, e: &RecordError) -> AttrValue {
        let params = e.params();
        let values: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.ui_fill(&format!("record.{}", e.code()), &values)
    }

    fn replace(&self, data: Value, record: Option<Record>) {
        let appeared = self.follow_ups.reset(&self.bundle, &data);
        {
            let mut inner = self.inner.borrow_mut();
            let keep = inner.record.take();
            *inner = Inner { data, record: record.or(keep), status: inner.status.take(), ..Inner::default() };
        }
        self.reloads.set(self.reloads.get().wrapping_add(1));
        self.follow_ups.tell(&appeared);
        let reload = self.listeners.borrow().reload.clone();
        if let Some(reload) = reload {
            reload.emit(());
        }
    }

    pub fn status(&self) -> Option<Status> {
        self.inner.borrow().status.clone()
    }

    pub fn set_status(&self, status: Option<Status>) {
        self.inner.borrow_mut().status = status;
        let listener = self.listeners.borrow().status.clone();
        if let Some(listener) = listener {
            listener.emit(());
        }
    }

    /// Says something to screen reader users without moving focus (list changes).
    pub fn announce(&self, text: AttrValue) {
        let listener = self.listeners.borrow().announce.clone();
        if let Some(listener) = listener {
            listener.emit(text);
        }
    }

    pub fn subscribe(&self, pointer: &str, listener: MessageListener) -> u32 {
        let mut l = self.listeners.borrow_mut();
        l.next += 1;
        let id = l.next;
        l.fields.entry(pointer.to_owned()).or_default().push((id, listener));
        id
    }

    pub fn unsubscribe(&self, pointer: &str, id: u32) {
        let mut l = self.listeners.borrow_mut();
        if let Some(list) = l.fields.get_mut(pointer) {
            list.retain(|(i, _)| *i != id);
            if list.is_empty() {
                l.fields.remove(pointer);
            }
        }
    }

    pub fn on_summary(&self, listener: Callback<()>) {
        self.listeners.borrow_mut().summary = Some(listener);
    }

    /// Removes a listener unless a newer one replaced it (a re-keyed component's cleanup may run
    /// after its successor registered).
    pub fn off_summary(&self, listener: &Callback<()>) {
        let mut l = self.listeners.borrow_mut();
        if l.summary.as_ref() == Some(listener) {
            l.summary = None;
        }
    }

    pub fn on_status(&self, listener: Callback<()>) {
        self.listeners.borrow_mut().status = Some(listener);
    }

    pub fn off_status(&self, listener: &Callback<()>) {
        let mut l = self.listeners.borrow_mut();
        if l.status.as_ref() == Some(listener) {
            l.status = None;
        }
    }

    pub fn on_announce(&self, listener: Callback<AttrValue>) {
        self.listeners.borrow_mut().announce = Some(listener);
    }

    pub fn off_announce(&self, listener: &Callback<AttrValue>) {
        let mut l = self.listeners.borrow_mut();
        if l.announce.as_ref() == Some(listener) {
            l.announce = None;
        }
    }

    /// See [`Shared::read_only`].
    pub fn read_only(&self) -> bool {
        self.read_only.get()
    }

    /// Switches reading-only on or off and renders every field anew, keeping the data.
    pub fn set_read_only(&self, read_only: bool) {
        if self.read_only.replace(read_only) == read_only {
            return;
        }
        self.reloads.set(self.reloads.get().wrapping_add(1));
        let reload = self.listeners.borrow().reload.clone();
        if let Some(reload) = reload {
            reload.emit(());
        }
    }

    /// See [`Shared::reloads`].
    pub fn reloads(&self) -> u32 {
        self.reloads.get()
    }

    /// Renders every field anew, keeping the data (the participant's texts changed).
    pub fn rerender(&self) {
        self.reloads.set(self.reloads.get().wrapping_add(1));
        let reload = self.listeners.borrow().reload.clone();
        if let Some(reload) = reload {
            reload.emit(());
        }
    }

    pub fn on_reload(&self, listener: Callback<()>) {
        self.listeners.borrow_mut().reload = Some(listener);
    }

    pub fn off_reload(&self, listener: &Callback<()>) {
        let mut l = self.listeners.borrow_mut();
        if l.reload.as_ref() == Some(listener) {
            l.reload = None;
        }
    }

    pub fn on_reveal(&self, listener: Callback<()>) -> u32 {
        let mut l = self.listeners.borrow_mut();
        l.next += 1;
        let id = l.next;
        l.reveal.push((id, listener));
        id
    }

    pub fn off_reveal(&self, id: u32) {
        self.listeners.borrow_mut().reveal.retain(|(i, _)| *i != id);
    }

    /// Has every list render all its items now (a link leads to an item not built yet).
    pub fn reveal_all(&self) {
        let listeners: Vec<_> = self.listeners.borrow().reveal.iter().map(|(_, l)| l.clone()).collect();
        for listener in listeners {
            listener.emit(());
        }
    }

    /// Forgets all listeners (the form is being destroyed).
    pub fn detach(&self) {
        *self.listeners.borrow_mut() = Listeners::default();
    }

    /// The data for a last-chance save after an internal error, if the state can be read.
    pub fn rescue(&self) -> Option<Record> {
        let inner = self.inner.try_borrow().ok()?;
        let now = now();
        let data = self.follow_ups.visible(&inner.data);
        let mut record = match &inner.record {
            Some(r) => {
                let mut r = r.clone();
                r.update(&self.bundle, data, &now);
                r
            }
            None => Record::new(&self.bundle, data, &self.lang, &now),
        };
        record.signatures = self.signatures.try_borrow().map(|s| s.clone()).unwrap_or_default();
        Some(record)
    }

    /// Validates if a message can be seen and works out which shown messages changed.
    fn refresh(&self, inner: &mut Inner) -> Changes {
        let live = inner.submitted || !inner.touched.is_empty();
        if live && !inner.fresh {
            if let Some(errors) = self.follow_ups.validate(&self.bundle, &self.validation, &inner.data) {
                inner.errors = errors;
                inner.fresh = true;
            }
        }
        let mut shown: HashMap<String, AttrValue> = HashMap::new();
        if live {
            for e in &inner.errors {
                if (inner.submitted || inner.touched.contains(&e.pointer)) && !shown.contains_key(&e.pointer) {
                    let message = match inner.shown.get(&e.pointer) {
                        Some(old) if old.as_str() == e.message => old.clone(),
                        _ => AttrValue::from(e.message.clone()),
                    };
                    shown.insert(e.pointer.clone(), message);
                }
            }
        }
        let mut fields: Vec<String> =
            shown.iter().filter(|(p, m)| inner.shown.get(*p) != Some(*m)).map(|(p, _)| p.clone()).collect();
        fields.extend(inner.shown.keys().filter(|p| !shown.contains_key(*p)).cloned());
        let summary = inner.submitted && !fields.is_empty();
        inner.shown = shown;
        Changes { fields, summary }
    }

    fn tell(&self, changes: Changes) {
        let (calls, summary) = {
            let listeners = self.listeners.borrow();
            let inner = self.inner.borrow();
            let mut calls = Vec::new();
            for pointer in &changes.fields {
                for (_, listener) in listeners.fields.get(pointer).into_iter().flatten() {
                    calls.push((listener.clone(), inner.shown.get(pointer).cloned()));
                }
            }
            (calls, if changes.summary { listeners.summary.clone() } else { None })
        };
        for (listener, message) in calls {
            listener.emit(message);
        }
        if let Some(summary) = summary {
            summary.emit(());
        }
    }

    fn changed(&self, pointer: &str) {
        let detail = events::detail(&[("pointer", JsValue::from_str(pointer))]);
        events::dispatch(&self.element, events::CHANGE, &detail);
    }
}

/// Data as the form starts with it: new data gets defaults; given data gets what it lacks
/// but the form cannot ask for.
fn prepared(bundle: &FormBundle, data: Option<Value>) -> Value {
    match data {
        Some(mut data) => {
            defaults::complete(&bundle.schema, &bundle.schema, UiNode::root(&bundle.ui), &mut data);
            data
        }
        None => defaults::blank(&bundle.schema, &bundle.schema, UiNode::root(&bundle.ui))
            .unwrap_or_else(|| Value::Object(Default::default())),
    }
}

/// An item of a list can be emptied but not removed by typing: it becomes `null`.
fn parent_is_list(data: &Value, pointer: &str) -> bool {
    pointer.rsplit_once('/').is_some_and(|(parent, _)| matches!(path::get(data, parent), Some(Value::Array(_))))
}

/// Now as RFC 3339, for record timestamps.
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}
