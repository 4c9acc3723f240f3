// `cargo xtask bench` runs this after building both apps and serving them on loopback.
// It measures Bogen and react-jsonschema-form in one browser on the same cases, writes
// bench/results.json, bench/results.md and, where Bogen misses a budget, bench/profile.md.
//
// Environment (set by xtask): BENCH_URL, BENCH_SITE, BENCH_ROOT, CHROMIUM; optional
// BENCH_BOGEN_ERROR (why Bogen's build is missing), BENCH_RUNS (navigations per app and case,
// default 7), BENCH_FORM (the built form to load, default hilfeplan). The native PDF figure
// runs `cargo run --release -p bogen-pdf --example render` in BENCH_ROOT.

import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';

import { launch, withPage } from './lib/browser.mjs';
import { prepare } from './lib/cases.mjs';
import { navigate } from './lib/load.mjs';
import { validatorBytes, weigh } from './lib/bytes.mjs';
import { type } from './lib/keystrokes.mjs';
import { time } from './lib/validation.mjs';
import { median, p95 } from './lib/stats.mjs';
import { describe } from './lib/machine.mjs';
import { rows as tableRows, RJSF_EARLIER_BYTES } from './lib/figures.mjs';
import { markdown } from './lib/report.mjs';
import { explain } from './lib/explain.mjs';
import { NOTES } from './lib/notes.mjs';
import { PDF_CASE, pdfBytes, preparePdfCase, timeInPage, timeNative } from './lib/pdf.mjs';

const env = process.env;
const base = env.BENCH_URL;
const site = env.BENCH_SITE;
const root = env.BENCH_ROOT;
const runs = Number(env.BENCH_RUNS ?? 7);
const form = env.BENCH_FORM ?? 'hilfeplan';
const APPS = ['bogen', 'rjsf'];
const KEY_ITEM = 'Teilnehmende 250';

const url = (app, id, { live = false, named = false } = {}) => `${base}${named ? 'named/' : ''}bench/${app}.html?case=${id}${live ? '&live=1' : ''}`;
const log = (...a) => console.error('bench:', ...a);

const browser = await launch(env.CHROMIUM);
const machine = { ...describe({ root, browserVersion: `Chromium ${browser.version()}` }), loadBefore: loadavg()[0].toFixed(2) };
const cases = prepare({ root, site, form });
const failures = { bogen: env.BENCH_BOGEN_ERROR ? { all: `build failed: ${env.BENCH_BOGEN_ERROR}` } : {}, rjsf: {} };
const failed = (app, key) => failures[app].all ?? failures[app][key];
const raw = { load: {}, complete: {}, ready: {}, bytes: {}, keys: {}, validation: {}, pdf: { first: [], warm: [] } };
const PDF_NAVIGATIONS = 3;
const PDF_REPEATS = 10;

// Loads: every case, `runs` fresh navigations per app, apps alternating which goes first.
for (const [id, c] of Object.entries(cases)) {
  if (!c.ok) continue;
  raw.load[id] = { bogen: [], rjsf: [] };
  raw.complete[id] = { bogen: [], rjsf: [] };
  raw.ready[id] = { bogen: [], rjsf: [] };
  for (let r = 0; r < runs; r += 1) {
    for (const app of r % 2 === 0 ? APPS : [...APPS].reverse()) {
      if (failed(app, id)) continue;
      await withPage(browser, async (page) => {
        const nav = await navigate(page, url(app, id));
        raw.load[id][app].push(nav.ms);
        raw.complete[id][app].push(nav.complete);
        raw.ready[id][app].push(nav.ready ?? (app === 'rjsf' ? nav.ms : null));
        raw.bytes[id] ??= {};
        raw.bytes[id][app] ??= weigh(site, nav.requests);
        if (id === 'list500') {
          raw.validation[app] ??= [];
          raw.validation[app].push(await time(page));
        }
      }).catch((e) => {
        failures[app][id] = String(e.message ?? e);
        log(`${app} ${id}: ${failures[app][id]}`);
      });
    }
  }
  log(`${id}: loads done`);
}

// Keystrokes: two fresh navigations per app and mode, alternating, samples pooled.
for (const mode of ['off', 'on']) {
  raw.keys[mode] = { bogen: { samples: [], first: [], arrived: true }, rjsf: { samples: [], first: [], arrived: true } };
  for (let r = 0; r < 2; r += 1) {
    for (const app of r % 2 === 0 ? APPS : [...APPS].reverse()) {
      const key = `keys-${mode}`;
      if (failed(app, 'list500') || failed(app, key)) continue;
      await withPage(browser, async (page) => {
        await navigate(page, url(app, 'list500', { live: mode === 'on' }));
        const t = await type(page, { value: KEY_ITEM, warmup: 10, count: 120 });
        const k = raw.keys[mode][app];
        k.samples.push(...t.samples);
        k.first.push(t.first);
        k.arrived &&= t.arrived;
      }).catch((e) => {
        failures[app][key] = String(e.message ?? e);
        log(`${app} keystrokes (${mode}): ${failures[app][key]}`);
      });
    }
  }
  log(`keystrokes with live validation ${mode}: done`);
}

// PDF of a large Hilfeplan: in the browser (three fresh navigations, the first call and ten
// more in each), natively (the render example, release build), and the PDF module's bytes.
if (!failed('bogen', 'pdf')) {
  const pdfData = preparePdfCase({ root, site, out: join(root, 'bench/out') });
  for (let r = 0; r < PDF_NAVIGATIONS; r += 1) {
    await withPage(browser, async (page) => {
      await navigate(page, url('bogen', PDF_CASE));
      const t = await timeInPage(page, PDF_REPEATS);
      raw.pdf.first.push(t.first);
      raw.pdf.warm.push(...t.warm);
      raw.pdf.pdfBytes = t.bytes;
    }).catch((e) => {
      failures.bogen.pdf = String(e.message ?? e);
      log(`bogen pdf: ${failures.bogen.pdf}`);
    });
  }
  try {
    raw.pdf.native = timeNative(root, pdfData, join(root, 'bench/out'));
  } catch (e) {
    failures.bogen['pdf-native'] = String(e.message ?? e);
    log(`native pdf: ${failures.bogen['pdf-native']}`);
  }
  raw.pdf.bytesAdded = pdfBytes(site, base);
  log('pdf: done');
}

// Figures per app: a number, or why there is none.
const pick = (app, key, value) => {
  const why = failed(app, key);
  if (why) return { error: why };
  return value ?? { error: 'not measured' };
};
/// Smallest and largest sample per app, so the table shows how far apart the runs were.
const spreadOf = (samples) =>
  Object.fromEntries(APPS.map((app) => [app, samples[app]?.length > 1 && samples[app].every((t) => typeof t === 'number') ? [Math.min(...samples[app]), Math.max(...samples[app])] : null]));
const pairOf = (key, f) => Object.fromEntries(APPS.map((app) => [app, pick(app, key, f(app))]));
const m = { load: {}, complete: {}, ready: {}, spread: {}, bytes: {}, keys: {}, validation: null, pdf: null };
for (const [id, c] of Object.entries(cases)) {
  if (!c.ok) {
    m.load[id] = { bogen: { error: c.what }, rjsf: { error: c.what } };
    continue;
  }
  m.load[id] = pairOf(id, (app) => median(raw.load[id][app]));
  m.complete[id] = pairOf(id, (app) => (raw.complete[id][app].every((t) => typeof t === 'number') ? median(raw.complete[id][app]) : undefined));
  m.spread[`load:${id}`] = spreadOf(raw.load[id]);
  m.spread[`complete:${id}`] = spreadOf(raw.complete[id]);
  m.ready[id] = pairOf(id, (app) => (raw.ready[id][app].every((t) => typeof t === 'number') ? median(raw.ready[id][app]) : undefined));
  m.spread[`ready:${id}`] = spreadOf(raw.ready[id]);
  m.bytes[id] = {
    code: pairOf(id, (app) => raw.bytes[id]?.[app]?.code),
    total: pairOf(id, (app) => raw.bytes[id]?.[app]?.total),
  };
}
for (const mode of ['off', 'on']) {
  const k = raw.keys[mode];
  const of = (f) => pairOf(`keys-${mode}`, (app) => (failed(app, 'list500') ? undefined : k[app].samples.length ? f(k[app].samples) : undefined));
  m.keys[mode] = { median: of(median), p95: of(p95) };
  for (const app of APPS) {
    if (k[app].samples.length && !k[app].arrived) failures[app][`keys-${mode}`] = 'typed text did not arrive in the input';
  }
}
m.spread['validation:first'] = spreadOf(Object.fromEntries(APPS.map((app) => [app, (raw.validation[app] ?? []).map((v) => v.first)])));
m.validation = {
  first: pairOf('list500', (app) => raw.validation[app] && median(raw.validation[app].map((v) => v.first))),
  warm: pairOf('list500', (app) => raw.validation[app] && median(raw.validation[app].flatMap((v) => v.warm))),
};
const added = raw.pdf.bytesAdded;
const hilfeplanTotal = raw.bytes[form]?.bogen?.total;
m.pdf = {
  warm: pick('bogen', 'pdf', median(raw.pdf.warm) ?? undefined),
  first: pick('bogen', 'pdf', median(raw.pdf.first) ?? undefined),
  native: pick('bogen', 'pdf-native', raw.pdf.native),
  spread: spreadOf({ bogen: raw.pdf.warm }).bogen,
  code: added?.code,
  fonts: added?.fonts,
  total: added && typeof hilfeplanTotal === 'number' ? hilfeplanTotal + added.code + added.fonts : undefined,
  form,
};
m.validator = validatorBytes(site, base);
const rows = tableRows(m);

// Why Bogen misses a budget: a wasm size breakdown for bytes, traces and CPU profiles for time.
const out = join(root, 'bench/out/profiles');
mkdirSync(out, { recursive: true });
const profile = await explain({ browser, rows, url, out, namedWasm: env.BENCH_NAMED_WASM, keyItem: KEY_ITEM, withPage, root }).catch((e) => ({ error: String(e.stack ?? e) }));
await browser.close();
machine.loadAfter = loadavg()[0].toFixed(2);

const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const notes = NOTES({ runs, form, rjsfEarlier: RJSF_EARLIER_BYTES, pdf: { navigations: PDF_NAVIGATIONS, repeats: PDF_REPEATS } });
const results = { when, machine, cases, rows, raw, failures, profile: profile.summary ?? profile, notes };
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 1)}\n`);
const md = markdown({ rows, machine, notes, when }) + failuresSection(failures) + (profile.markdown ? '\nWhy Bogen misses a budget: see `bench/profile.md`.\n' : '');
writeFileSync(join(root, 'bench/results.md'), md);
if (profile.markdown) writeFileSync(join(root, 'bench/profile.md'), profile.markdown);
console.log(md);

function failuresSection(f) {
  const lines = [];
  for (const app of APPS) {
    for (const [what, why] of Object.entries(f[app])) lines.push(`- ${app}, ${what}: ${why.split('\n').slice(0, 3).join(' / ')}`);
  }
  return lines.length ? `\n## What failed\n\n${lines.join('\n')}\n` : '';
}
