// Filling in the required fields (each form's examples/minimal.json, typed as a person types)
// clears the errors: the next submit hands the page a record holding exactly that data.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { FORMS, digest, withoutEmptyGroups } from './forms.js';
import { assertOnScreen, enter, openForm, submitButton, submitValid, summary } from './portal.js';

const withPage = usePages();

for (const f of FORMS) {
  test(`${f.id}: the required fields filled in, it submits the example's data`, withPage(async (page) => {
    await openForm(page, f);
    await submitButton(page).click();
    await summary(page).waitFor();

    await enter(page, f, f.minimal);
    await assertOnScreen(page, f, f.minimal);
    assert.equal(await page.locator('.bogen-form [aria-invalid=true]').count(), 0, 'no field is marked invalid any more');

    const record = await submitValid(page);
    assert.equal(record.format, 'bogen-record');
    assert.equal(record.form.id, f.id);
    assert.deepEqual(withoutEmptyGroups(record.data), f.minimal);
    assert.equal(record.dataHash, digest(record.data), 'the digest is SHA-256 over the canonical data');
  }));
}
