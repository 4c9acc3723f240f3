// Bogen's verdict against an independent JSON Schema implementation (ajv, JavaScript).
//
// For every form, instances are generated from its examples by seeded random mutations (missing
// fields, wrong types, impossible dates, unknown codes, extra properties, emptied lists…). Each
// instance is validated by `bogen validate --form <id> --json` and by ajv's 2020-12 validator
// with formats asserted; the verdicts must agree on every instance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = process.env.BOGEN_ROOT ?? join(import.meta.dirname, '..', '..');
const cli = process.env.BOGEN_CLI ?? join(root, 'target', 'debug', 'bogen');
const formsDir = join(root, 'forms');
const PER_FORM = 80;

/** A small seeded generator, so a failure can be reproduced from its seed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every place in a value: [parent, key] pairs, objects and arrays alike. */
function places(value, out = []) {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push([value, key]);
      places(value[key], out);
    }
  }
  return out;
}

const replacements = ['', 42, -1, 3.5, null, true, false, 'x'.repeat(6000), '2024-02-30', '31.12.2024',
  'kein-gueltiger-code', 'name@', [], {}, ['a', 'a'], '2026-01-15', 'Text'];

function mutate(instance, rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const all = places(instance);
  if (all.length === 0) return;
  const [parent, key] = pick(all);
  const kind = rnd();
  if (kind < 0.25) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1); else delete parent[key];
  } else if (kind < 0.35) {
    const objects = all.map(([p, k]) => p[k]).filter((v) => v && typeof v === 'object' && !Array.isArray(v));
    if (objects.length) pick(objects).unbekanntesFeld = 'x';
  } else if (kind < 0.45 && Array.isArray(parent[key])) {
    const list = parent[key];
    if (list.length && rnd() < 0.5) list.push(structuredClone(list[0])); else list.length = 0;
  } else {
    parent[key] = structuredClone(pick(replacements));
  }
}

function bogenVerdict(form, file) {
  try {
    execFileSync(cli, ['validate', '--form', form, '--json', file], { stdio: 'pipe' });
    return true;
  } catch (e) {
    if (e.status === 1) return false;
    throw new Error(`bogen validate exited ${e.status} on ${file}: ${e.stderr}`);
  }
}

// A form has a schema and a uiSchema; forms/netzwerk (the directory of Beratungsangebote) has a
// schema but is data, not a form.
const forms = readdirSync(formsDir).filter(
  (d) => existsSync(join(formsDir, d, 'schema.json')) && existsSync(join(formsDir, d, 'ui.json')),
);

test('there are forms to check', () => {
  assert.ok(forms.length >= 4, `forms found: ${forms.join(', ')}`);
  assert.ok(existsSync(cli), `the bogen binary is built at ${cli}`);
});

for (const form of forms) {
  test(`bogen and ajv agree on generated ${form} instances`, () => {
    const schema = JSON.parse(readFileSync(join(formsDir, form, 'schema.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const examplesDir = join(formsDir, form, 'examples');
    const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')));
    assert.ok(examples.length > 0, `${form} has examples`);
    const dir = mkdtempSync(join(tmpdir(), `bogen-agree-${form}-`));
    const rnd = random(form.length * 7919);
    const disagreements = [];
    let valid = 0;
    for (let i = 0; i < PER_FORM; i++) {
      const instance = structuredClone(examples[i % examples.length]);
      const mutations = i < examples.length ? 0 : 1 + Math.floor(rnd() * 2);
      for (let m = 0; m < mutations; m++) mutate(instance, rnd);
      const file = join(dir, `${i}.json`);
      writeFileSync(file, JSON.stringify(instance));
      const ours = bogenVerdict(form, file);
      const theirs = validate(instance);
      if (ours) valid++;
      if (ours !== theirs) {
        disagreements.push(`${file}: bogen ${ours ? 'valid' : 'invalid'}, ajv ${theirs ? 'valid' : 'invalid'} ${JSON.stringify(validate.errors)}`);
      }
    }
    assert.deepEqual(disagreements, []);
    assert.ok(valid >= examples.length && valid < PER_FORM, `both verdicts occur (${valid} of ${PER_FORM} valid)`);
  });
}
