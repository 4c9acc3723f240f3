//! From a record, its form and a template to the blocks of the document: the template says
//! what goes where, the form's field tree gives labels and kinds, the data gives values.

use std::collections::BTreeSet;

use bogen_core::{date, Field, FieldKind, FormBundle, Mark, Record, Signature};
use serde_json::Value;

use crate::model::{Block, Composition, SignatureMark, SignatureView, Table};
use crate::template::{Block as Spec, EachSpec, ListSpec, Scope, TableSpec, Template};
use crate::values::display;
use crate::wording::Wording;

/// Deepest heading level used; deeper groups keep level 4 so sizes stay distinct.
const MAX_HEADING: u8 = 4;
/// Lists of objects with at most this many scalar properties become tables.
const MAX_AUTO_COLUMNS: usize = 4;

pub(crate) fn compose(record: &Record, bundle: &FormBundle, template: &Template, wording: &Wording) -> Composition {
    let data = &record.data;
    let participant: Vec<String> = template
        .participant
        .iter()
        .filter_map(|p| data.pointer(p).and_then(Value::as_str))
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    let title = if participant.is_empty() {
        bundle.title().to_owned()
    } else {
        wording.fill("title", &[("form", bundle.title()), ("participant", &participant.join(" "))])
    };
    let traeger = template
        .traeger
        .as_deref()
        .and_then(|p| data.pointer(p))
        .and_then(Value::as_str)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        // A form that does not ask for the Träger takes it from the portal's profile.
        .or_else(|| record.traeger.as_ref().map(|t| t.name.trim().to_owned()).filter(|s| !s.is_empty()));
    let composer = Composer { bundle, wording, record, show_help: template.show_help };
    let mut blocks = vec![Block::Heading { level: 1, text: title.clone() }];
    composer.blocks(&template.blocks, &Scope(String::new()), data, 2, &mut blocks);
    Composition { title, traeger, blocks }
}

struct Composer<'a> {
    bundle: &'a FormBundle,
    wording: &'a Wording<'a>,
    record: &'a Record,
    show_help: bool,
}

impl Composer<'_> {
    fn blocks(&self, specs: &[Spec], scope: &Scope, data: &Value, level: u8, out: &mut Vec<Block>) {
        for spec in specs {
            match spec {
                Spec::Intro => {
                    out.extend(paragraphs(self.bundle.texts.form.description.as_deref().unwrap_or_default()))
                }
                Spec::Section(name) if name == "*" && scope.0.is_empty() => {
                    let named = named_top_fields(specs);
                    for field in self.bundle.root.children() {
                        if !named.contains(&field.name) {
                            self.section(field, data.get(&field.name), level, out);
                        }
                    }
                }
                Spec::Section(name) => {
                    if let Some(field) = self.field(scope, name) {
                        self.section(field, lookup(data, name), level, out);
                    }
                }
                Spec::Fields(names) => {
                    let mut rows = Vec::new();
                    for name in names {
                        let Some(field) = self.field(scope, name) else { continue };
                        match &field.kind {
                            FieldKind::Group { .. } => {
                                flush(&mut rows, out);
                                out.extend(self.content(field, lookup(data, name), level));
                            }
                            _ => rows.extend(
                                display(field, lookup(data, name), self.wording).map(|v| (field.label.clone(), v)),
                            ),
                        }
                    }
                    flush(&mut rows, out);
                }
                Spec::Table(spec) => self.table(spec, scope, data, level, out),
                Spec::List(spec) => self.list(spec, scope, data, level, out),
                Spec::Each(spec) => self.each(spec, scope, data, level, out),
                Spec::Signatures(roles) => out.push(self.signatures(roles, level)),
            }
        }
    }

    fn field(&self, scope: &Scope, name: &str) -> Option<&Field> {
        self.bundle.root.find(&scope.key(name))
    }

    /// A field under its own heading, left out when it holds nothing.
    fn section(&self, field: &Field, value: Option<&Value>, level: u8, out: &mut Vec<Block>) {
        let content = self.content(field, value, level + 1);
        if !content.is_empty() {
            let mut blocks = vec![heading(level, &field.label)];
            if self.show_help && matches!(field.kind, FieldKind::Group { .. }) {
                blocks.extend(paragraphs(field.help.as_deref().unwrap_or_default()));
            }
            blocks.extend(content);
            out.push(Block::Section(blocks));
        }
    }

    /// A field's value following the field tree: scalars as rows, groups as sub-sections,
    /// lists of objects as tables or numbered sub-sections.
    fn content(&self, field: &Field, value: Option<&Value>, level: u8) -> Vec<Block> {
        let mut out = Vec::new();
        match &field.kind {
            FieldKind::Group { fields } => {
                let mut rows = Vec::new();
                for child in fields {
                    let child_value = value.and_then(|v| v.get(&child.name));
                    match &child.kind {
                        FieldKind::Group { .. } => {
                            flush(&mut rows, &mut out);
                            self.section(child, child_value, level, &mut out);
                        }
                        FieldKind::List { item, .. } if matches!(item.kind, FieldKind::Group { .. }) => {
                            flush(&mut rows, &mut out);
                            self.object_list(child, item, child_value, level, &mut out);
                        }
                        _ => rows.extend(display(child, child_value, self.wording).map(|v| (child.label.clone(), v))),
                    }
                }
                flush(&mut rows, &mut out);
            }
            FieldKind::List { item, .. } if matches!(item.kind, FieldKind::Group { .. }) => {
                self.items(field, item, value, level, &mut out);
            }
            _ => {
                if let Some(v) = display(field, value, self.wording) {
                    out.push(Block::Rows(vec![(field.label.clone(), v)]));
                }
            }
        }
        out
    }

    /// A list of objects under the list's heading.
    fn object_list(&self, field: &Field, item: &Field, value: Option<&Value>, level: u8, out: &mut Vec<Block>) {
        let mut content = Vec::new();
        self.items(field, item, value, level + 1, &mut content);
        if !content.is_empty() {
            let mut blocks = vec![heading(level, &field.label)];
            blocks.extend(content);
            out.push(Block::Section(blocks));
        }
    }

    fn items(&self, field: &Field, item: &Field, value: Option<&Value>, level: u8, out: &mut Vec<Block>) {
        let items = value.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        if items.is_empty() {
            return;
        }
        let columns = item.children();
        let flat = columns.iter().all(|c| !matches!(c.kind, FieldKind::Group { .. } | FieldKind::List { .. }));
        if flat && columns.len() <= MAX_AUTO_COLUMNS {
            let rows = items.iter().map(|it| self.cells(columns.iter(), it)).collect();
            out.push(Block::Table(Table {
                columns: columns.iter().map(|c| c.label.clone()).collect(),
                widths: vec![1.0; columns.len()],
                rows,
            }));
            return;
        }
        let label = if item.label.is_empty() { &field.label } else { &item.label };
        for (n, it) in items.iter().enumerate() {
            let text = self.wording.fill("numbered", &[("label", label), ("n", &(n + 1).to_string())]);
            let mut blocks = vec![heading(level, &text)];
            blocks.extend(self.content(item, Some(it), level + 1));
            out.push(Block::Section(blocks));
        }
    }

    fn cells<'f>(&self, columns: impl Iterator<Item = &'f Field>, item: &Value) -> Vec<String> {
        columns.map(|c| display(c, item.get(&c.name), self.wording).unwrap_or_default()).collect()
    }

    fn table(&self, spec: &TableSpec, scope: &Scope, data: &Value, level: u8, out: &mut Vec<Block>) {
        let Some(list) = self.field(scope, &spec.field) else { return };
        let items = lookup(data, &spec.field).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        if items.is_empty() {
            return;
        }
        let item_scope = Scope(scope.key(&format!("{}.*", spec.field)));
        let columns: Vec<&Field> = spec.columns.iter().filter_map(|c| self.field(&item_scope, c.field())).collect();
        let cell = |item: &Value, column: &crate::template::Column| {
            column
                .shown()
                .into_iter()
                .filter_map(|name| Some((name, self.field(&item_scope, name)?)))
                .find_map(|(name, field)| display(field, lookup(item, name), self.wording))
                .unwrap_or_default()
        };
        let rows = items.iter().map(|item| spec.columns.iter().map(|c| cell(item, c)).collect()).collect();
        let widths = if spec.widths.is_empty() { vec![1.0; columns.len()] } else { spec.widths.clone() };
        let table = Block::Table(Table { columns: columns.iter().map(|c| c.label.clone()).collect(), widths, rows });
        if spec.heading {
            out.push(Block::Section(vec![heading(level, &list.label), table]));
        } else {
            out.push(table);
        }
    }

    fn list(&self, spec: &ListSpec, scope: &Scope, data: &Value, level: u8, out: &mut Vec<Block>) {
        let Some(list) = self.field(scope, &spec.field) else { return };
        let FieldKind::List { item, .. } = &list.kind else { return };
        let items = lookup(data, &spec.field).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        let texts: Vec<String> = match &spec.text {
            Some(name) => {
                let item_scope = Scope(scope.key(&format!("{}.*", spec.field)));
                let Some(field) = self.field(&item_scope, name) else { return };
                items.iter().filter_map(|it| display(field, lookup(it, name), self.wording)).collect()
            }
            None => items.iter().filter_map(|it| display(item, Some(it), self.wording)).collect(),
        };
        if texts.is_empty() {
            return;
        }
        if spec.heading {
            out.push(Block::Section(vec![heading(level, &list.label), Block::List(texts)]));
        } else {
            out.push(Block::List(texts));
        }
    }

    fn each(&self, spec: &EachSpec, scope: &Scope, data: &Value, level: u8, out: &mut Vec<Block>) {
        let Some(list) = self.field(scope, &spec.field) else { return };
        let items = lookup(data, &spec.field).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        let item_scope = Scope(scope.key(&format!("{}.*", spec.field)));
        let label = match &list.kind {
            FieldKind::List { item, .. } if !item.label.is_empty() => &item.label,
            _ => &list.label,
        };
        for (n, item) in items.iter().enumerate() {
            let n = (n + 1).to_string();
            let value = spec
                .heading
                .as_deref()
                .and_then(|h| display(self.field(&item_scope, h)?, lookup(item, h), self.wording));
            let text = match value {
                Some(value) => self.wording.fill("numberedHeading", &[("label", label), ("n", &n), ("value", &value)]),
                None => self.wording.fill("numbered", &[("label", label), ("n", &n)]),
            };
            let mut blocks = vec![heading(level, &text)];
            self.blocks(&spec.blocks, &item_scope, item, level + 1, &mut blocks);
            out.push(Block::Section(blocks));
        }
    }

    /// Boxes for the template's roles in its order, then any other signature the record has:
    /// a signature is never left out of the document it signs.
    fn signatures(&self, roles: &[String], level: u8) -> Block {
        let signatures = &self.record.signatures;
        let mut views = Vec::new();
        for role in roles {
            let signed: Vec<&Signature> = signatures.iter().filter(|s| &s.role == role).collect();
            if signed.is_empty() {
                views.push(self.empty_box(role));
            }
            views.extend(signed.into_iter().map(|s| self.signed_box(s)));
        }
        views.extend(signatures.iter().filter(|s| !roles.contains(&s.role)).map(|s| self.signed_box(s)));
        Block::Section(vec![heading(level, self.wording.get("signatures")), Block::Signatures(views)])
    }

    fn empty_box(&self, role: &str) -> SignatureView {
        SignatureView {
            role: self.wording.get(&format!("role.{role}")).to_owned(),
            mark: SignatureMark::Empty,
            caption: vec![self.wording.get("placeDate").to_owned(), self.wording.get("signatureLine").to_owned()],
            note: None,
        }
    }

    fn signed_box(&self, signature: &Signature) -> SignatureView {
        let w = self.wording;
        let (day, time, zone) = signed_at(&signature.signed_at);
        let place = signature.place.trim();
        let when = if place.is_empty() {
            w.fill("signedAtNoPlace", &[("date", &day), ("time", &time), ("zone", zone)])
        } else {
            w.fill("signedAt", &[("place", place), ("date", &day), ("time", &time), ("zone", zone)])
        };
        let mark = match &signature.mark {
            Mark::Drawn { width, height, strokes } => SignatureMark::Drawn {
                width: *width as f32,
                height: *height as f32,
                strokes: strokes.iter().map(|s| s.iter().map(|p| (p.x as f32, p.y as f32)).collect()).collect(),
                alt: w.fill("signatureAlt", &[("name", &signature.name)]),
            },
            Mark::Typed { typed_name, confirmed } => SignatureMark::Typed {
                name: typed_name.clone(),
                confirmation: w.get(if *confirmed { "typedConfirmed" } else { "typedUnconfirmed" }).to_owned(),
            },
        };
        let mut caption = vec![signature.name.clone(), when];
        if let Some(version) = signature.text_version.as_deref().filter(|v| !v.trim().is_empty()) {
            caption.push(w.fill("textVersion", &[("version", version)]));
        }
        SignatureView {
            role: w.get(&format!("role.{}", signature.role)).to_owned(),
            mark,
            caption,
            note: (!signature.covers(&self.record.data)).then(|| w.get("signatureStale").to_owned()),
        }
    }
}

/// Date (TT.MM.JJJJ), time (HH:MM, the signer's wall clock) and zone (" UTC" for Zulu time,
/// which has no wall clock here) of an RFC 3339 timestamp; anything unreadable is shown as is.
fn signed_at(stamp: &str) -> (String, String, &'static str) {
    match (stamp.get(0..10), stamp.get(11..16)) {
        (Some(day), Some(time)) if stamp.as_bytes().get(10).is_some_and(|b| *b == b'T' || *b == b' ') => {
            let utc = stamp.ends_with('Z') || stamp.ends_with('z');
            (date::display(day), time.to_owned(), if utc { " UTC" } else { "" })
        }
        _ => (stamp.to_owned(), String::new(), ""),
    }
}

/// Paragraphs of a text, split at blank lines.
fn paragraphs(text: &str) -> impl Iterator<Item = Block> + '_ {
    text.split("\n\n").filter(|p| !p.trim().is_empty()).map(|p| Block::Paragraph(p.trim().to_owned()))
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading { level: level.min(MAX_HEADING), text: text.to_owned() }
}

fn flush(rows: &mut Vec<(String, String)>, out: &mut Vec<Block>) {
    if !rows.is_empty() {
        out.push(Block::Rows(std::mem::take(rows)));
    }
}

/// The value at a dotted relative name (`adresse.ort`).
fn lookup<'v>(data: &'v Value, name: &str) -> Option<&'v Value> {
    name.split('.').try_fold(data, |v, part| v.get(part))
}

/// Top-level property names the template shows explicitly, so `"*"` shows only the rest.
fn named_top_fields(specs: &[Spec]) -> BTreeSet<String> {
    let first = |name: &str| name.split('.').next().unwrap_or(name).to_owned();
    let mut named = BTreeSet::new();
    for spec in specs {
        match spec {
            Spec::Section(name) if name != "*" => {
                named.insert(first(name));
            }
            Spec::Fields(names) => named.extend(names.iter().map(|n| first(n))),
            Spec::Table(t) => {
                named.insert(first(&t.field));
            }
            Spec::List(l) => {
                named.insert(first(&l.field));
            }
            Spec::Each(e) => {
                named.insert(first(&e.field));
            }
            _ => {}
        }
    }
    named
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signing_times_are_shown_german() {
        assert_eq!(signed_at("2026-11-30T10:04:00+01:00"), ("30.11.2026".into(), "10:04".into(), ""));
        assert_eq!(signed_at("2026-11-30T09:04:00Z"), ("30.11.2026".into(), "09:04".into(), " UTC"));
        assert_eq!(signed_at("gestern"), ("gestern".into(), String::new(), ""));
    }
}
