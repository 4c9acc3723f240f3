// WCAG 2.1 AA as axe-core checks it, on each form empty and with the errors of an empty submit.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { wcag21 } from './axe.js';
import { usePages } from './browser.js';
import { FORMS } from './forms.js';
import { openForm, submitButton, summary } from './portal.js';

const withPage = usePages();

async function violations(page, t) {
  const results = await wcag21(page).analyze();
  const passed = results.passes.map((p) => p.id);
  for (const rule of ['label', 'color-contrast', 'aria-valid-attr-value']) {
    assert.ok(passed.includes(rule), `axe checked ${rule}`);
  }
  const review = results.incomplete.map((i) => `${i.id} (${i.nodes.length})`).join(', ') || 'none';
  t.diagnostic(`axe: ${passed.length} rules passed, needs review: ${review}`);
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
  }));
}

for (const f of FORMS) {
  test(`${f.id}: no WCAG 2.1 AA violations, empty and with errors shown`, withPage(async (page, t) => {
    await openForm(page, f);
    assert.deepEqual(await violations(page, t), [], 'empty form');

    await submitButton(page).click();
    await summary(page).waitFor();
    assert.deepEqual(await violations(page, t), [], 'with the errors of an empty submit');
  }));
}
