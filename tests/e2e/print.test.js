// The browser's print of a form: a clean document. Under print media no toolbar, button or
// navigation shows, entered values read as text (long texts whole, not cut off at the box),
// choices stay readable, and axe-core finds no WCAG 2.1 AA violation.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { wcag21 } from './axe.js';

import { usePages } from './browser.js';
import { form, ui } from './forms.js';
import { enter, field, openForm, typeInto } from './portal.js';
import { shoot } from './shots.js';

const withPage = usePages();
const hilfeplan = form('hilfeplan');

/** Elements matching `selector` that take space on the printed page, in the page and in the form's shadow root. */
function shown(page, selector) {
  return page.evaluate((s) => {
    const roots = [document, ...[...document.querySelectorAll('bogen-form')].map((e) => e.shadowRoot).filter(Boolean)];
    return roots
      .flatMap((root) => [...root.querySelectorAll(s)])
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => e.className || e.tagName);
  }, selector);
}

test('hilfeplan: printed without controls, with every value readable', withPage(async (page) => {
  await openForm(page, hilfeplan);
  await enter(page, hilfeplan, hilfeplan.minimal);
  const long = Array.from({ length: 14 }, (_, i) => `Zeile ${i + 1}: Wohnungssuche mit dem Jobcenter klären.`).join('\n');
  const textarea = page.locator('textarea').first();
  await textarea.fill(long);

  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await shown(page, '.bogen-button, .bogen-toolbar, .portal-header, .portal-picker, .portal-language, .portal-footer, select#sprache'), [],
    'no buttons, toolbar or navigation');
  const clipped = await textarea.evaluate((t) => t.scrollHeight - t.clientHeight);
  assert.ok(clipped <= 2, `the long text is printed whole (${clipped}px cut off)`);
  const radios = await shown(page, '.bogen-radios__label, .bogen-checkboxes__label');
  assert.ok(radios.length > 0, 'unchosen options stay readable');
  const name = await field(page, '/stammdaten/name');
  assert.equal(await name.inputValue(), hilfeplan.minimal.stammdaten.name);
  assert.equal(await name.evaluate((e) => getComputedStyle(e).borderTopStyle), 'none', 'inputs read as text, not boxes');

  const results = await wcag21(page).analyze();
  assert.deepEqual(results.violations.map((v) => v.id), [], 'no WCAG 2.1 AA violation under print media');
  await shoot(page, 'print-hilfeplan');

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-', 'the browser prints the page');
  await page.emulateMedia({ media: 'screen' });
  await typeInto(page, '/stammdaten/name', 'Nach dem Druck');
  assert.equal(await name.inputValue(), 'Nach dem Druck', 'the form works after printing');
}));
