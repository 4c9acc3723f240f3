// The participant's PDF of a large Hilfeplan (12 goals, 60 steps, the recipe of
// crates/bogen-pdf/tests/hilfeplan.rs): made in the browser through the JS API (`form.pdf()`,
// which loads the PDF module on its first call) and natively by bogen-pdf's `render` example,
// plus the bytes the PDF module adds to the site.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { weigh } from './bytes.mjs';

export const PDF_CASE = 'hilfeplan-large';
/// What only a PDF needs, relative to the site (xtask/src/pdf_module.rs ships them).
export const PDF_CODE = ['bogen_pdf.js', 'bogen_pdf_bg.wasm'];
export const PDF_FONTS = ['fonts/NotoSans-Regular.ttf', 'fonts/NotoSans-Bold.ttf'];

const AREAS = ['aufenthalt', 'wohnen', 'gesundheit', 'sprache', 'bildung', 'arbeit', 'finanzen', 'familie', 'netzwerk', 'alltag'];
const WHO = ['teilnehmende', 'casemanagement', 'partner'];
const STATUS = ['offen', 'laeuft', 'erledigt', 'entfallen'];
const PRIORITY = ['hoch', 'mittel', 'niedrig'];
const two = (n) => String(n).padStart(2, '0');

/// The full example with twelve goals of five steps each, texts of varying length.
export function largePlan(root) {
  const data = JSON.parse(readFileSync(join(root, 'forms/hilfeplan/examples/full.json'), 'utf8'));
  const detail = 'Unterlagen zusammenstellen, Termin vereinbaren, Antrag gemeinsam ausfüllen und Kopien für die Akte machen. ';
  data.ziele = Array.from({ length: 12 }, (_, i) => {
    const g = i + 1;
    const schritte = Array.from({ length: 5 }, (_, j) => {
      const s = j + 1;
      const step = {
        wer: WHO[(g + s) % 3],
        was: `Schritt ${s} zu Ziel ${g}: ${detail.repeat(1 + ((g * 7 + s * 3) % 4))}`,
        bisWann: `2027-${two(1 + ((g + s) % 12))}-${two(1 + ((g * s) % 28))}`,
        status: STATUS[(g * s) % 4],
      };
      if (step.wer === 'partner') step.partner = `Beratungsstelle Nummer ${g}-${s}`;
      return step;
    });
    return {
      ziel: `Ziel Nummer ${g}: Die Familie lebt selbstständig und sicher; ${'die Lage ist geklärt. '.repeat((g % 3) + 1)}`,
      lebensbereich: AREAS[g % 10],
      prioritaet: PRIORITY[g % 3],
      teilziele: [{ teilziel: `Erstes Teilziel zu Ziel ${g}` }, { teilziel: `Zweites Teilziel zu Ziel ${g}` }],
      schritte,
      meilensteine: [{ beschreibung: `Meilenstein zu Ziel ${g}`, datum: '2027-06-30', erreicht: g % 2 === 0 }],
    };
  });
  return data;
}

/// Writes the case for the bench page and the data file for the native run; returns its path.
export function preparePdfCase({ root, site, out }) {
  const data = largePlan(root);
  mkdirSync(join(site, 'bench/cases'), { recursive: true });
  writeFileSync(join(site, `bench/cases/${PDF_CASE}.bogen.json`), JSON.stringify({ form: 'hilfeplan', data }));
  const path = join(out, `${PDF_CASE}.json`);
  writeFileSync(path, JSON.stringify(data));
  return path;
}

/// In a page showing the case: the first `form.pdf()` (module and fonts loaded and compiled)
/// and `repeats` further calls, each timed on its own.
export async function timeInPage(page, repeats) {
  return page.evaluate((n) => window.benchApp.pdfTimes(n), repeats);
}

/// bogen-pdf's `render` example in a release build: the median of its 10 renders, in ms.
export function timeNative(root, data, out) {
  const args = ['run', '--quiet', '--release', '-p', 'bogen-pdf', '--example', 'render', '--', 'hilfeplan', join(out, `${PDF_CASE}.native.pdf`), data];
  const run = spawnSync(process.env.CARGO ?? 'cargo', args, { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`render example: ${(run.stderr ?? String(run.error)).trim().split('\n').slice(-3).join(' / ')}`);
  const said = /median of 10 renders ([\d.]+) ms/.exec(run.stderr);
  if (!said) throw new Error(`render example said no time: ${run.stderr.trim()}`);
  return Number(said[1]);
}

/// Brotli bytes of the PDF module's code and of its fonts, as a production server sends them.
export function pdfBytes(site, base) {
  const of = (paths) => weigh(site, paths.map((p) => ({ url: new URL(p, base).href, status: 200 })));
  const code = of(PDF_CODE);
  const fonts = of(PDF_FONTS);
  return { code: code.total, fonts: fonts.total, files: [...code.files, ...fonts.files] };
}
