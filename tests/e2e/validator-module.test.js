// The form engine carries no validator: the validator module (`bogen_check`, bogen-core's
// validator) is fetched once the form is painted. Until it arrives the form takes input, and a
// submit made then waits for it instead of passing unchecked.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BASE, usePages } from './browser.js';
import { FORMS, ui } from './forms.js';
import { field, recordEvents, submitButton, submitted, summary } from './portal.js';
import { isFocused } from './shadow.js';

const withPage = usePages();
const hilfeplan = FORMS.find((f) => f.id === 'hilfeplan');

test('the form takes input before the validator module arrives, and a submit waits for it', withPage(async (page) => {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  const asked = [];
  await page.route('**/bogen_check_bg.wasm', async (route) => {
    asked.push(await page.evaluate(() => document.querySelector('bogen-form')?.shadowRoot?.querySelector('form input:not([type=file])') !== null));
    await held;
    await route.continue();
  });
  await page.addInitScript(recordEvents);
  await page.goto(`${BASE}?form=hilfeplan`);
  // Not waitForForm: that waits for the element to be ready, which is after the module came.
  await page.getByRole('heading', { level: 1, name: hilfeplan.title, exact: true }).waitFor();

  // The form is on screen and takes typing while the validator module is held back.
  const name = await field(page, '/stammdaten/name');
  await name.fill('Amal');
  assert.equal(await name.inputValue(), 'Amal');
  for (let i = 0; i < 50 && asked.length === 0; i++) {
    await page.waitForTimeout(100);
  }
  assert.deepEqual(asked, [true], 'the validator module is asked for once, after the form has its inputs');

  // A submit before it arrives shows nothing and hands nothing out...
  await submitButton(page).click();
  await page.waitForTimeout(300);
  assert.equal(await summary(page).count(), 0, 'no summary without a verdict');
  assert.deepEqual(await submitted(page), [], 'nothing is submitted unchecked');

  // ...and is made once it arrives: the empty required fields are named.
  release();
  const box = summary(page);
  await box.waitFor();
  assert.equal((await box.getByRole('heading').textContent()).trim(), ui('summary.title'));
  assert.ok(await isFocused(box), 'the summary takes focus, as after any submit attempt');
  assert.ok((await box.getByRole('link').count()) > 0, 'the summary names what is missing');
  assert.deepEqual(await submitted(page), [], 'the invalid form is still not submitted');
}));
