// The four forms as the repository describes them (schema, texts, examples), and what the
// tests derive from them: JSON pointers, expected messages, record digests.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join as joinPath, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = process.env.BOGEN_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const readJson = (...parts) => JSON.parse(readFileSync(joinPath(ROOT, ...parts), 'utf8'));

/** The form ids, in the order the portal offers them. */
export const FORM_IDS = ['screening', 'assessment', 'datenschutz', 'hilfeplan'];

/** Texts all forms share (buttons, generic messages, record messages). */
export const COMMON = readJson('forms/common/i18n/de.json');

/** A form as the repository has it. */
export function form(id) {
  const texts = readJson('forms', id, 'i18n/de.json');
  return {
    id,
    title: texts.form.title,
    schema: readJson('forms', id, 'schema.json'),
    ui: readJson('forms', id, 'ui.json'),
    texts,
    minimal: readJson('forms', id, 'examples/minimal.json'),
    full: readJson('forms', id, 'examples/full.json'),
  };
}

export const FORMS = FORM_IDS.map(form);

/** Fills `{name}` placeholders. */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** An interface text from the shared texts. */
export function ui(key, values = {}) {
  return fill(COMMON.ui[key], values);
}

export function segments(pointer) {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function join(pointer, name) {
  return `${pointer}/${String(name).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** The field key texts are filed under: the pointer with list positions as `*`, dotted. */
export function fieldKey(pointer) {
  return segments(pointer)
    .map((s) => (/^\d+$/.test(s) ? '*' : s))
    .join('.');
}

function resolveRef(root, schema) {
  let s = schema;
  for (let i = 0; i < 32 && s && typeof s.$ref === 'string'; i++) {
    s = s.$ref.slice(1).split('/').slice(1).reduce((node, key) => node?.[key], root);
  }
  return s ?? {};
}

/** The branches of an object schema that may declare follow-up questions. */
function branches(s) {
  const parts = [s, ...(s.allOf ?? [])];
  return [...parts.flatMap((p) => [p.then, p.else]), ...Object.values(s.dependentSchemas ?? {})].filter(Boolean);
}

/** The (resolved) schema of the value at `pointer`; follow-up questions are found in branches. */
export function schemaAt(root, pointer) {
  let s = resolveRef(root, root);
  for (const segment of segments(pointer)) {
    if (/^\d+$/.test(segment) && s.items) {
      s = s.items;
    } else {
      s = s.properties?.[segment] ?? branches(s).map((b) => b.properties?.[segment]).find(Boolean);
    }
    s = resolveRef(root, s);
  }
  return s;
}

/** Whether the uiSchema hides the field at `pointer` (people never see or type it). */
export function hidden(f, pointer) {
  let ui = f.ui;
  for (const segment of segments(pointer)) {
    ui = (/^\d+$/.test(segment) ? ui?.items : ui?.[segment]) ?? {};
  }
  return ui['ui:widget'] === 'hidden';
}

/** Every leaf (string, number, boolean, list of choices) of `data` with its pointer. */
export function leaves(data, pointer = '') {
  if (Array.isArray(data) && data.every((v) => typeof v !== 'object')) {
    return [[pointer, data]];
  }
  if (data && typeof data === 'object') {
    return Object.entries(data).flatMap(([k, v]) => leaves(v, join(pointer, k)));
  }
  return [[pointer, data]];
}

/** ISO date as people type it (TT.MM.JJJJ). */
export function germanDate(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** The message the form shows for `keyword` (e.g. `format.date`) at `pointer`. */
export function message(f, pointer, keyword, values = {}) {
  const key = fieldKey(pointer);
  const own = f.texts.fields[key]?.errors ?? {};
  const [base] = keyword.split('.');
  const template = own[keyword] ?? own[base] ?? COMMON.errors[keyword] ?? COMMON.errors[base] ?? COMMON.errors.default;
  return fill(template, { title: f.texts.fields[key]?.title ?? pointer, ...values });
}

/**
 * Data without the empty objects the form keeps for groups nobody filled in (every group is
 * there, so that `required` inside it can name the missing field).
 */
export function withoutEmptyGroups(value) {
  if (Array.isArray(value)) {
    return value.map(withoutEmptyGroups);
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const pruned = withoutEmptyGroups(v);
      const emptyGroup = pruned && typeof pruned === 'object' && !Array.isArray(pruned) && !Object.keys(pruned).length;
      if (!emptyGroup) {
        out[k] = pruned;
      }
    }
    return out;
  }
  return value;
}

/**
 * An example as a person enters it: a box left unticked is absent from the data, not `false`
 * (only a box ticked and unticked again says `false`).
 */
export function asEntered(value) {
  if (Array.isArray(value)) {
    return value.map(asEntered);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== false).map(([k, v]) => [k, asEntered(v)]));
  }
  return value;
}

/** RFC 8785 canonical JSON (keys sorted by UTF-16 code units, ECMAScript number form). */
export function canonical(value) {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The digest a record carries for `data`, recomputed independently of Bogen. */
export function digest(data) {
  return `sha256:${createHash('sha256').update(canonical(data), 'utf8').digest('hex')}`;
}
