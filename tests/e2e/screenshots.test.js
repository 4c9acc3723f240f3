// Screenshots of each form for the documentation: `docs/screenshots/<form>.png` (filled in with
// the minimal example) and `<form>-fehler.png` (after an empty submit), full page at 1280×900.
// They are written only with BOGEN_SCREENSHOTS=1; otherwise this checks that both states render.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { FORMS } from './forms.js';
import { enter, openForm, submitButton, summary } from './portal.js';
import { shoot } from './shots.js';

const withPage = usePages();
for (const f of FORMS) {
  test(`${f.id}: screenshots of the form filled in and with errors`, withPage(async (page) => {
    await openForm(page, f);
    await submitButton(page).click();
    await summary(page).waitFor();
    await shoot(page, `${f.id}-fehler`);

    await page.reload();
    await openForm(page, f);
    await enter(page, f, f.minimal);
    assert.equal(await summary(page).count(), 0);
    await shoot(page, f.id);
  }));
}
