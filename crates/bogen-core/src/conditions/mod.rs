//! Follow-up questions: fields that only apply under a condition, and whether they apply now.
//!
//! The schema is the one rule language. A property an object declares only inside a branch,
//! the `then` or `else` of an `if` (at the object or in one of its `allOf` parts) or a
//! `dependentSchemas` entry, is a *conditional field*: it shows when its branch applies to the
//! current data, and is hidden otherwise. Such objects close themselves with
//! `unevaluatedProperties: false`, so JSON Schema itself refuses the value of a field whose
//! branch does not apply: what the screen hides, the validator refuses.
//!
//! Hidden values stay in the data people work on (switching back restores what they typed) but
//! are left out of what is validated and exported: [`Visibility::visible`] is that data.
//!
//! Each condition knows which fields its `if` reads, so a keystroke elsewhere costs nothing:
//! [`Conditions::update`] re-evaluates only the conditions that read the changed value.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

mod probe;

pub use probe::SUPPORTED as CONDITION_KEYWORDS;

use crate::path;
use crate::validation::SchemaError;
use probe::Probe;

/// Deepest schema nesting walked; deeper schemas are refused by the layout already.
const MAX_DEPTH: usize = 32;

/// A part of an object's schema that applies only under a condition.
pub(crate) struct Branch<'a> {
    pub schema: &'a Value,
    /// JSON pointer of the branch in the schema.
    pub at: String,
    pub test: BranchTest<'a>,
    /// The outcome of the test under which the branch applies (`false` for `else`).
    pub when: bool,
}

pub(crate) enum BranchTest<'a> {
    /// An `if` subschema, tried on the object.
    If { schema: &'a Value, at: String },
    /// A `dependentSchemas` entry: applies when the object has this property.
    Present(&'a str),
}

impl BranchTest<'_> {
    /// Identifies the test, so `then` and `else` of one `if` share a condition.
    fn id(&self) -> String {
        match self {
            BranchTest::If { at, .. } => at.clone(),
            BranchTest::Present(name) => format!("present:{name}"),
        }
    }
}

/// The branches of an object schema, in schema order.
pub(crate) fn branches<'a>(object: &'a Value, at: &str) -> Vec<Branch<'a>> {
    let mut out = Vec::new();
    if_branches(object, at, &mut out);
    if let Some(parts) = object.get("allOf").and_then(Value::as_array) {
        for (i, part) in parts.iter().enumerate() {
            if_branches(part, &format!("{at}/allOf/{i}"), &mut out);
        }
    }
    if let Some(deps) = object.get("dependentSchemas").and_then(Value::as_object) {
        for (name, schema) in deps {
            let at = format!("{at}/dependentSchemas/{}", path::escape(name));
            out.push(Branch { schema, at, test: BranchTest::Present(name), when: true });
        }
    }
    out
}

fn if_branches<'a>(holder: &'a Value, at: &str, out: &mut Vec<Branch<'a>>) {
    let Some(test) = holder.get("if") else { return };
    for (keyword, when) in [("then", true), ("else", false)] {
        if let Some(schema) = holder.get(keyword) {
            let test = BranchTest::If { schema: test, at: format!("{at}/if") };
            out.push(Branch { schema, at: format!("{at}/{keyword}"), test, when });
        }
    }
}

/// A property declared only in branches: its schema and `required` flag come from the first
/// branch that declares it; it shows when any of `branches` (indices into the branch list)
/// applies.
pub(crate) struct ConditionalProperty<'a> {
    pub name: &'a str,
    pub schema: &'a Value,
    pub at: String,
    pub required: bool,
    pub branches: Vec<usize>,
}

/// The properties an object declares only in its branches, in order of first declaration.
pub(crate) fn conditional_properties<'a>(object: &'a Value, branches: &[Branch<'a>]) -> Vec<ConditionalProperty<'a>> {
    let base = object.get("properties").and_then(Value::as_object);
    let mut out: Vec<ConditionalProperty<'a>> = Vec::new();
    for (index, branch) in branches.iter().enumerate() {
        let Some(props) = branch.schema.get("properties").and_then(Value::as_object) else { continue };
        let required = names(branch.schema.get("required"));
        for (name, schema) in props {
            if base.is_some_and(|b| b.contains_key(name)) {
                continue;
            }
            match out.iter_mut().find(|p| p.name == name) {
                Some(known) => known.branches.push(index),
                None => out.push(ConditionalProperty {
                    name,
                    schema,
                    at: format!("{}/properties/{}", branch.at, path::escape(name)),
                    required: required.contains(&name.as_str()),
                    branches: vec![index],
                }),
            }
        }
    }
    out
}

fn names(list: Option<&Value>) -> Vec<&str> {
    list.and_then(Value::as_array).map(|l| l.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

/// The conditional fields of a form and the conditions that show them, compiled once.
#[derive(Default)]
pub struct Conditions {
    rules: Vec<Rule>,
    fields: Vec<ConditionalField>,
}

/// One condition, tried on every instance of its object (one, or one per list item).
struct Rule {
    /// Field key of the object the condition is tried on.
    object: String,
    test: Test,
    /// Field keys whose values the test depends on; a change elsewhere cannot change it.
    reads: Vec<String>,
}

enum Test {
    Schema(Box<Probe>),
    Present(String),
}

struct ConditionalField {
    object: String,
    name: String,
    key: String,
    /// Shown when rule `.0` has outcome `.1` on the object.
    shown_when: Vec<(usize, bool)>,
}

/// Which conditional fields are hidden for some data, with the outcomes that say so.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Visibility {
    /// Outcome of each rule on each instance of its object (by the object's pointer).
    outcomes: HashMap<(usize, String), bool>,
    /// JSON pointers of the hidden fields, whether or not they hold a value.
    hidden: BTreeSet<String>,
}

impl Visibility {
    pub fn is_hidden(&self, pointer: &str) -> bool {
        self.hidden.contains(pointer)
    }

    /// Pointers of the hidden fields.
    pub fn hidden(&self) -> impl Iterator<Item = &str> {
        self.hidden.iter().map(String::as_str)
    }

    /// The data without the values of hidden fields: what is validated, saved and submitted.
    /// Borrowed when no hidden field holds a value, which is the usual case.
    pub fn visible<'d>(&self, data: &'d Value) -> Cow<'d, Value> {
        without(data, "", &self.hidden)
    }
}

/// `value` (found at `at`) without the values at the `hidden` pointers below `at`.
fn without<'d>(value: &'d Value, at: &str, hidden: &BTreeSet<String>) -> Cow<'d, Value> {
    let below: Vec<&str> = hidden
        .iter()
        .filter_map(|p| p.strip_prefix(at))
        .filter(|rest| rest.starts_with('/') && value.pointer(rest).is_some())
        .collect();
    if below.is_empty() {
        return Cow::Borrowed(value);
    }
    let mut owned = value.clone();
    for rest in below {
        // A value below another hidden one may be gone already; `set` only removes what is there.
        if owned.pointer(rest).is_some() {
            path::set(&mut owned, rest, None);
        }
    }
    Cow::Owned(owned)
}

impl Conditions {
    /// Finds the conditional fields of a schema and compiles the conditions that show them.
    pub fn compile(schema: &Value) -> Result<Conditions, SchemaError> {
        let mut conditions = Conditions::default();
        let mut tests = HashMap::new();
        conditions.walk(schema, schema, "", "", 0, &mut tests)?;
        Ok(conditions)
    }

    /// Whether the field with this key shows only under a condition.
    pub fn governs(&self, key: &str) -> bool {
        self.fields.iter().any(|f| f.key == key)
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    fn walk(
        &mut self,
        root: &Value,
        schema: &Value,
        key: &str,
        at: &str,
        depth: usize,
        tests: &mut HashMap<String, usize>,
    ) -> Result<(), SchemaError> {
        if depth > MAX_DEPTH {
            return Ok(());
        }
        let schema = resolve(root, schema);
        let branches = branches(schema, at);
        for property in conditional_properties(schema, &branches) {
            let mut shown_when = Vec::new();
            for &index in &property.branches {
                let branch = &branches[index];
                let rule = match tests.get(&branch.test.id()) {
                    Some(&rule) => rule,
                    None => {
                        let rule = self.rule(root, &branch.test, key)?;
                        tests.insert(branch.test.id(), rule);
                        rule
                    }
                };
                shown_when.push((rule, branch.when));
            }
            let child = path::child_key(key, property.name);
            self.fields.push(ConditionalField {
                object: key.to_owned(),
                name: property.name.to_owned(),
                key: child.clone(),
                shown_when,
            });
            self.walk(root, property.schema, &child, &property.at, depth + 1, tests)?;
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (name, child) in props {
                let child_at = format!("{at}/properties/{}", path::escape(name));
                self.walk(root, child, &path::child_key(key, name), &child_at, depth + 1, tests)?;
            }
        }
        if let Some(items) = schema.get("items") {
            self.walk(root, items, &path::child_key(key, "*"), &format!("{at}/items"), depth + 1, tests)?;
        }
        Ok(())
    }

    fn rule(&mut self, root: &Value, test: &BranchTest<'_>, object: &str) -> Result<usize, SchemaError> {
        let mut reads = Vec::new();
        let test = match test {
            BranchTest::If { schema, at } => {
                read_keys(schema, object, &mut reads);
                Test::Schema(Box::new(Probe::compile(root, schema, at)?))
            }
            BranchTest::Present(name) => {
                reads.push(path::child_key(object, name));
                Test::Present((*name).to_owned())
            }
        };
        self.rules.push(Rule { object: object.to_owned(), test, reads });
        Ok(self.rules.len() - 1)
    }

    /// Which fields are hidden for `data`.
    pub fn evaluate(&self, data: &Value) -> Visibility {
        let mut visibility = Visibility::default();
        self.settle(&mut visibility, data, (0..self.rules.len()).collect());
        visibility
    }

    /// Brings `visibility` up to date after the value at `pointer` changed (or was added or
    /// removed, or a list there changed). Only conditions that read the value are tried again.
    /// Returns the pointers of the fields that appeared or disappeared.
    pub fn update(&self, visibility: &mut Visibility, data: &Value, pointer: &str) -> Vec<String> {
        let dirty = self.reading(&path::field_key(pointer));
        if dirty.is_empty() {
            return Vec::new();
        }
        let before = visibility.hidden.clone();
        self.settle(visibility, data, dirty);
        before.symmetric_difference(&visibility.hidden).cloned().collect()
    }

    /// The conditions that depend on the value with field key `key`: they read it, something
    /// inside it, or something around it (a whole object or list replaced).
    fn reading(&self, key: &str) -> Vec<usize> {
        (0..self.rules.len())
            .filter(|&i| {
                let rule = &self.rules[i];
                rule.reads.iter().any(|r| related(r, key)) || is_within(&rule.object, key)
            })
            .collect()
    }

    /// Tries the `dirty` conditions again, then those that read a field that appeared or
    /// disappeared (a hidden value no longer counts), until nothing changes. A condition is
    /// tried on its object without hidden values; the number of rounds is bounded, so even a
    /// schema whose conditions chase each other ends.
    fn settle(&self, visibility: &mut Visibility, data: &Value, mut dirty: Vec<usize>) {
        for _ in 0..=self.rules.len() {
            if dirty.is_empty() {
                return;
            }
            for &index in &dirty {
                let rule = &self.rules[index];
                visibility.outcomes.retain(|(r, _), _| *r != index);
                for instance in instances(data, &rule.object) {
                    let empty = Value::Object(Default::default());
                    let value = data.pointer(&instance).unwrap_or(&empty);
                    let value = without(value, &instance, &visibility.hidden);
                    let outcome = match &rule.test {
                        Test::Schema(probe) => probe.holds(&value),
                        Test::Present(name) => value.get(name).is_some(),
                    };
                    visibility.outcomes.insert((index, instance), outcome);
                }
            }
            let hidden = self.hidden(&visibility.outcomes, data);
            let changed: Vec<String> =
                hidden.symmetric_difference(&visibility.hidden).map(|p| path::field_key(p)).collect();
            visibility.hidden = hidden;
            dirty = (0..self.rules.len())
                .filter(|&i| changed.iter().any(|key| self.rules[i].reads.iter().any(|r| related(r, key))))
                .collect();
        }
    }

    fn hidden(&self, outcomes: &HashMap<(usize, String), bool>, data: &Value) -> BTreeSet<String> {
        let mut hidden = BTreeSet::new();
        for field in &self.fields {
            for instance in instances(data, &field.object) {
                let shown =
                    field.shown_when.iter().any(|(rule, when)| outcomes.get(&(*rule, instance.clone())) == Some(when));
                if !shown {
                    hidden.insert(path::join(&instance, &field.name));
                }
            }
        }
        hidden
    }
}

/// The pointers of every instance of the field with key `key` in `data`: one, or one per item
/// of each list on the way (`*`).
fn instances(data: &Value, key: &str) -> Vec<String> {
    let mut found = vec![(String::new(), Some(data))];
    if key.is_empty() {
        return vec![String::new()];
    }
    for segment in key.split('.') {
        let mut next = Vec::new();
        for (pointer, value) in found {
            if segment == "*" {
                let items = value.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
                next.extend(items.iter().enumerate().map(|(i, item)| (format!("{pointer}/{i}"), Some(item))));
            } else {
                next.push((path::join(&pointer, segment), value.and_then(|v| v.get(segment))));
            }
        }
        found = next;
    }
    found.into_iter().map(|(pointer, _)| pointer).collect()
}

/// Whether one field key is the other or lies inside it.
fn related(a: &str, b: &str) -> bool {
    is_within(a, b) || is_within(b, a)
}

/// Whether the field with key `inner` is the one with key `outer` or lies inside it.
fn is_within(inner: &str, outer: &str) -> bool {
    outer.is_empty() || inner == outer || inner.strip_prefix(outer).is_some_and(|rest| rest.starts_with('.'))
}

/// The field keys an `if` subschema tried on the object `object` depends on. Keywords that
/// look at the object as a whole make it depend on everything inside the object.
fn read_keys(schema: &Value, object: &str, out: &mut Vec<String>) {
    let Some(map) = schema.as_object() else { return };
    for (keyword, value) in map {
        match keyword.as_str() {
            "properties" | "dependentSchemas" => {
                for (name, sub) in value.as_object().into_iter().flatten() {
                    out.push(path::child_key(object, name));
                    if keyword == "dependentSchemas" {
                        read_keys(sub, object, out);
                    }
                }
            }
            "required" => out.extend(names(Some(value)).into_iter().map(|n| path::child_key(object, n))),
            "dependentRequired" => {
                for (name, list) in value.as_object().into_iter().flatten() {
                    out.push(path::child_key(object, name));
                    out.extend(names(Some(list)).into_iter().map(|n| path::child_key(object, n)));
                }
            }
            "allOf" | "anyOf" | "oneOf" => {
                for part in value.as_array().into_iter().flatten() {
                    read_keys(part, object, out);
                }
            }
            "not" | "if" | "then" | "else" => read_keys(value, object, out),
            "$comment" | "title" | "description" | "$schema" | "$defs" => {}
            _ => out.push(object.to_owned()),
        }
    }
}

/// Follows local `$ref`s; one that points nowhere is left as it is (the layout reports it).
pub(crate) fn resolve<'a>(root: &'a Value, mut schema: &'a Value) -> &'a Value {
    for _ in 0..MAX_DEPTH {
        match schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')).and_then(|p| root.pointer(p))
        {
            Some(target) => schema = target,
            None => return schema,
        }
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A status with follow-up questions: details for one code, a referral unless admitted,
    /// a contact once a referrer is named, and per-item follow-ups in a list.
    fn schema() -> Value {
        json!({
            "type": "object",
            "$defs": {"datum": {"type": "string", "format": "date"}},
            "properties": {
                "fall": {
                    "type": "object",
                    "unevaluatedProperties": false,
                    "properties": {
                        "status": {"enum": ["duldung", "p104c"]},
                        "entscheidung": {"enum": ["aufnahme", "verweis"]},
                        "stelle": {"type": "string"}
                    },
                    "if": {"properties": {"status": {"const": "p104c"}}, "required": ["status"]},
                    "then": {"properties": {"erteiltAm": {"$ref": "#/$defs/datum"}}, "required": ["erteiltAm"]},
                    "allOf": [{
                        "if": {"properties": {"entscheidung": {"const": "aufnahme"}}},
                        "else": {"properties": {"verwiesenAn": {"type": "string"}}}
                    }],
                    "dependentSchemas": {"stelle": {"properties": {"kontakt": {"type": "string"}}}}
                },
                "kinder": {"type": "array", "items": {
                    "type": "object",
                    "unevaluatedProperties": false,
                    "properties": {"schule": {"type": "boolean"}},
                    "if": {"properties": {"schule": {"const": true}}, "required": ["schule"]},
                    "then": {"properties": {"klasse": {"type": "integer"}}}
                }}
            }
        })
    }

    fn hidden(v: &Visibility) -> Vec<&str> {
        v.hidden().collect()
    }

    #[test]
    fn branches_show_their_fields_when_they_apply() {
        let c = Conditions::compile(&schema()).unwrap();
        assert!(c.governs("fall.erteiltAm") && c.governs("fall.verwiesenAn") && c.governs("kinder.*.klasse"));
        assert!(!c.governs("fall.status"));
        // No decision yet: "admitted" holds vacuously (its `if` requires nothing), as JSON
        // Schema says, so its `else` does not apply.
        let v = c.evaluate(&json!({"fall": {"status": "duldung"}}));
        assert_eq!(hidden(&v), ["/fall/erteiltAm", "/fall/kontakt", "/fall/verwiesenAn"]);
        let v = c.evaluate(&json!({"fall": {"status": "duldung", "entscheidung": "verweis"}}));
        assert_eq!(hidden(&v), ["/fall/erteiltAm", "/fall/kontakt"]);
        let v = c.evaluate(&json!({"fall": {"status": "p104c", "entscheidung": "aufnahme", "stelle": "ABH"}}));
        assert_eq!(hidden(&v), ["/fall/verwiesenAn"]);
        // A missing object is tried as an empty one.
        assert_eq!(hidden(&c.evaluate(&json!({}))), ["/fall/erteiltAm", "/fall/kontakt", "/fall/verwiesenAn"]);
    }

    #[test]
    fn hidden_values_are_kept_in_the_data_but_left_out_of_the_visible_data() {
        let c = Conditions::compile(&schema()).unwrap();
        let data = json!({"fall": {"status": "duldung", "erteiltAm": "2024-01-02", "entscheidung": "verweis", "verwiesenAn": "JMD"}});
        let v = c.evaluate(&data);
        let shown = json!({"fall": {"status": "duldung", "entscheidung": "verweis", "verwiesenAn": "JMD"}});
        assert_eq!(*v.visible(&data), shown);
        assert_eq!(data["fall"]["erteiltAm"], "2024-01-02", "the data itself keeps the hidden answer");
        let plain = json!({"fall": {"status": "duldung"}});
        assert!(matches!(v.visible(&plain), Cow::Borrowed(_)), "nothing hidden to leave out: no copy");
    }

    #[test]
    fn only_conditions_reading_a_changed_value_are_tried_again() {
        let c = Conditions::compile(&schema()).unwrap();
        let mut data = json!({"fall": {"status": "duldung", "erteiltAm": "2024-01-02"}});
        let mut v = c.evaluate(&data);
        assert!(c.reading("fall.stelle").len() == 1 && c.reading("kinder.*.name").is_empty());
        assert!(c.update(&mut v, &data, "/kinder/0/name").is_empty());
        path::set(&mut data, "/fall/status", Some(json!("p104c")));
        assert_eq!(c.update(&mut v, &data, "/fall/status"), ["/fall/erteiltAm"]);
        assert!(!v.is_hidden("/fall/erteiltAm"));
        assert_eq!(v, c.evaluate(&data), "an update ends where a full evaluation does");
        path::set(&mut data, "/fall/stelle", Some(json!("ABH")));
        assert_eq!(c.update(&mut v, &data, "/fall/stelle"), ["/fall/kontakt"]);
        // Replacing the whole object tries every condition on it.
        let replaced = json!({"fall": {"status": "duldung", "entscheidung": "aufnahme"}});
        let changed = c.update(&mut v, &replaced, "/fall");
        assert_eq!(changed, ["/fall/erteiltAm", "/fall/kontakt"]);
    }

    #[test]
    fn conditions_in_list_items_apply_per_item() {
        let c = Conditions::compile(&schema()).unwrap();
        let mut data = json!({"kinder": [{"schule": true, "klasse": 3}, {"schule": false, "klasse": 5}]});
        let mut v = c.evaluate(&data);
        assert!(!v.is_hidden("/kinder/0/klasse") && v.is_hidden("/kinder/1/klasse"));
        assert_eq!(v.visible(&data)["kinder"][1], json!({"schule": false}));
        data["kinder"].as_array_mut().unwrap().remove(0);
        assert_eq!(c.update(&mut v, &data, "/kinder"), ["/kinder/0/klasse", "/kinder/1/klasse"]);
        assert!(v.is_hidden("/kinder/0/klasse"));
    }

    #[test]
    fn a_condition_does_not_see_hidden_values() {
        // `b` shows when `a` is set; `c` shows when `b` is "x". Unsetting `a` hides `b`, and with
        // it `c`, although `b` still holds "x" in the data.
        let schema = json!({
            "type": "object",
            "properties": {"a": {"type": "boolean"}},
            "dependentSchemas": {"a": {"properties": {"b": {"type": "string"}}}},
            "if": {"properties": {"b": {"const": "x"}}, "required": ["b"]},
            "then": {"properties": {"c": {"type": "string"}}}
        });
        let c = Conditions::compile(&schema).unwrap();
        let mut data = json!({"a": true, "b": "x", "c": "kept"});
        let mut v = c.evaluate(&data);
        assert_eq!(hidden(&v), Vec::<&str>::new());
        data.as_object_mut().unwrap().remove("a");
        let mut changed = c.update(&mut v, &data, "/a");
        changed.sort();
        assert_eq!(changed, ["/b", "/c"]);
        assert_eq!(*v.visible(&data), json!({}));
    }

    #[test]
    fn a_broken_condition_names_its_place() {
        let schema = json!({"type": "object", "if": {"minLength": -1}, "then": {"properties": {"x": {}}}});
        let e = Conditions::compile(&schema).err().unwrap();
        assert_eq!(e.at, "/if/minLength");
    }
}
