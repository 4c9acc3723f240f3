// The cases both apps show, written as one JSON file per app and case into the served site, so
// each page makes the same kind of request for its input. Built forms come from their bundle
// (`forms/<id>.de.json`); rjsf gets the same schema with the German texts laid into it the way
// rjsf expects them (titles, descriptions, enum names), so both apps show the same words.

import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/// Widgets rjsf's core theme has; Bogen's own (e.g. `tel`) fall back to rjsf's text input.
const RJSF_WIDGETS = new Set(['text', 'textarea', 'password', 'color', 'email', 'uri', 'url', 'date', 'datetime', 'time', 'radio', 'select', 'checkbox', 'checkboxes', 'hidden', 'updown', 'range', 'file', 'alt-date', 'alt-datetime']);

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/// Writes `<site>/bench/cases/<case>.{bogen,rjsf}.json`; returns what each case is, or why not.
export function prepare({ root, site, form }) {
  const dir = join(site, 'bench/cases');
  mkdirSync(dir, { recursive: true });
  const cases = {};
  const bundlePath = join(site, `forms/${form}.de.json`);
  if (existsSync(bundlePath)) {
    const bundle = readJson(bundlePath);
    const dataFile = example(join(root, 'forms', form, 'examples'));
    const data = dataFile ? readJson(dataFile) : {};
    write(dir, form, { form, data }, { ...rjsfFromBundle(bundle), data });
    cases[form] = { ok: true, what: `forms/${form} (built bundle), data ${dataFile ? dataFile.slice(root.length + 1) : '{}'}` };
  } else {
    cases[form] = { ok: false, what: `forms/${form} is not in the built site yet (no forms/${form}.de.json)` };
  }
  for (const id of ['wide64', 'list500']) {
    const schemas = join(root, 'bench/schemas');
    const schema = readJson(join(schemas, `${id}.schema.json`));
    const uiSchema = readJson(join(schemas, `${id}.ui.json`));
    const data = readJson(join(schemas, `${id}.data.json`));
    write(dir, id, { form: { schema, uiSchema }, data }, { schema, uiSchema: rjsfUi(uiSchema), data });
    cases[id] = { ok: true, what: `bench/schemas/${id}.*.json` };
  }
  return cases;
}

/// Into the site and, where there is one, the named build's copy of it (used for profiles).
function write(dir, id, bogen, rjsf) {
  for (const d of [dir, join(dir, '../../named/bench/cases')]) {
    if (d !== dir && !existsSync(join(d, '..'))) continue;
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, `${id}.bogen.json`), JSON.stringify(bogen));
    writeFileSync(join(d, `${id}.rjsf.json`), JSON.stringify(rjsf));
  }
}

/// The "full" example if there is one, else the largest: the bench wants a filled form.
function example(dir) {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
  const full = files.find((f) => f.endsWith('/full.json'));
  return full ?? files.sort((a, b) => statSync(b).size - statSync(a).size)[0] ?? null;
}

/// A Bogen bundle `{schema, ui, texts}` as rjsf props, texts keyed by field key (`a.*.b`).
export function rjsfFromBundle({ schema, ui, texts }) {
  const rjsfSchema = structuredClone(schema);
  const uiSchema = rjsfUi(ui);
  const fields = texts.fields ?? {};
  if (texts.form?.title) rjsfSchema.title = texts.form.title;
  if (texts.form?.description) rjsfSchema.description = texts.form.description;
  const defs = rjsfSchema.$defs ?? {};
  const resolve = (node) => (node?.$ref?.startsWith('#/$defs/') ? defs[node.$ref.slice(8)] ?? node : node);

  const walk = (node, uiNode, key) => {
    const own = key ? fields[key] : null;
    if (own) {
      if (own.title) node.title = own.title;
      if (own.help) node.description = own.help;
      if (own.placeholder) uiNode['ui:placeholder'] = own.placeholder;
      const target = resolve(node);
      const codes = target?.enum ?? resolve(target?.items)?.enum;
      if (own.enum && codes) uiNode['ui:enumNames'] = codes.map((c) => own.enum[c] ?? String(c));
    }
    // Object or array definitions behind a $ref are inlined, so their fields can carry their
    // own titles where the definition is used more than once.
    let target = resolve(node);
    if (target !== node && (target.properties || target.items)) {
      const { $ref, ...siblings } = node;
      Object.assign(node, structuredClone(target), siblings);
      delete node.$ref;
      target = node;
    }
    for (const [name, child] of Object.entries(target?.properties ?? {})) {
      uiNode[name] ??= {};
      walk(child, uiNode[name], key ? `${key}.${name}` : name);
    }
    if (target?.items && typeof target.items === 'object' && !resolve(target.items).enum) {
      uiNode.items ??= {};
      walk(target.items, uiNode.items, `${key}.*`);
    }
  };
  walk(rjsfSchema, uiSchema, '');
  return { schema: rjsfSchema, uiSchema };
}

/// A uiSchema without widgets rjsf does not have (it throws on unknown widget names).
export function rjsfUi(ui) {
  const copy = structuredClone(ui ?? {});
  const clean = (node) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node['ui:widget'] === 'string' && !RJSF_WIDGETS.has(node['ui:widget'])) delete node['ui:widget'];
    Object.values(node).forEach(clean);
  };
  clean(copy);
  return copy;
}
