// Follow-up questions of the Screeningbogen: a question shows only while the answer it follows
// up applies (the schema's own if/then), the error summary never names a question that is not
// on screen, switching back and forth loses nothing typed, and what the form hands out (submit,
// "JSON speichern") holds no answer to a question that does not apply.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { form, withoutEmptyGroups } from './forms.js';
import { enter, fieldId, openForm, prefix, save, submitButton, submitValid, summary, typeInto } from './portal.js';
import { formRoot, isFocused } from './shadow.js';

const withPage = usePages();
const f = form('screening');

const FOLLOW_UPS = {
  duldung: ['/aufenthalt/bleiberechtMoeglich'],
  p104c: ['/aufenthalt/p104cErteiltAm', '/aufenthalt/p104cAnschlusstitel', '/aufenthalt/p104cOffeneVoraussetzungen'],
  p25a: ['/aufenthalt/verlaengerungGefaehrdet'],
  p25b: ['/aufenthalt/verlaengerungGefaehrdet'],
  gestattung: [],
  aufenthaltserlaubnis: [],
  sonstige: [],
};
const ALL = [...new Set(Object.values(FOLLOW_UPS).flat())];

/** The option `value` of the radio buttons or checkboxes of `pointer`. */
function option(page, pre, type, pointer, value) {
  return page.locator(`input[type=${type}][name="${fieldId(pre, pointer)}"][value="${value}"]`);
}

/** Whether the control of `pointer` is on the page at all. */
async function present(page, pre, pointer) {
  return (await page.locator(`[id="${fieldId(pre, pointer)}"]`).count()) > 0;
}

/** The follow-up questions of the residence status that are on the page. */
async function shownFollowUps(page, pre) {
  const shown = [];
  for (const pointer of ALL) {
    if (await present(page, pre, pointer)) {
      shown.push(pointer);
    }
  }
  return shown.sort();
}

function title(pointer) {
  return f.texts.fields[pointer.slice(1).replaceAll('/', '.')].title;
}

function requiredMessage(pointer) {
  return f.texts.fields[pointer.slice(1).replaceAll('/', '.')].errors.required;
}

test('screening: choosing a status shows its follow-up questions and hides the others', withPage(async (page) => {
  await openForm(page, f);
  const pre = await prefix(page);
  assert.deepEqual(await shownFollowUps(page, pre), [], 'no status picked: no follow-up question');
  for (const [status, expected] of Object.entries(FOLLOW_UPS)) {
    const radio = option(page, pre, 'radio', '/aufenthalt/status', status);
    await radio.check();
    await page.waitForFunction(
      ([root, ids]) => ids.every(([id, want]) => Boolean(root.getElementById(id)) === want),
      [await formRoot(page), ALL.map((p) => [fieldId(pre, p), expected.includes(p)])],
      { timeout: 5000 },
    ).catch(() => {});
    assert.deepEqual(await shownFollowUps(page, pre), [...expected].sort(), `status ${status}`);
    assert.ok(await isFocused(radio), `focus stays on ${status}`);
    for (const pointer of ALL.filter((p) => !expected.includes(p))) {
      const label = page.locator('.bogen-form').getByText(title(pointer), { exact: true });
      assert.equal(await label.count(), 0, `${title(pointer)} is neither shown nor read out for ${status}`);
    }
  }
  // The §104c question is required then, and says so (no "(optional)").
  await option(page, pre, 'radio', '/aufenthalt/status', 'p104c').check();
  const label = page.locator(`label[for="${fieldId(pre, '/aufenthalt/p104cErteiltAm')}"]`);
  assert.equal((await label.textContent()).trim(), title('/aufenthalt/p104cErteiltAm'));
}));

test('screening: switching back and forth loses nothing typed', withPage(async (page) => {
  await openForm(page, f);
  const pre = await prefix(page);
  const status = (code) => option(page, pre, 'radio', '/aufenthalt/status', code).check();
  const input = (pointer) => page.locator(`[id="${fieldId(pre, pointer)}"]`);

  await status('p104c');
  await typeInto(page, '/aufenthalt/p104cErteiltAm', '03.04.2026');
  await option(page, pre, 'radio', '/aufenthalt/p104cAnschlusstitel', 'p25b').check();
  await option(page, pre, 'checkbox', '/aufenthalt/p104cOffeneVoraussetzungen', 'lebensunterhalt').check();
  await status('duldung');
  await input('/aufenthalt/bleiberechtMoeglich').waitFor();
  assert.equal(await input('/aufenthalt/p104cErteiltAm').count(), 0, 'the §104c questions are gone');
  await input('/aufenthalt/bleiberechtMoeglich').check();
  await status('p104c');
  await input('/aufenthalt/p104cErteiltAm').waitFor();
  assert.equal(await input('/aufenthalt/p104cErteiltAm').inputValue(), '03.04.2026');
  assert.ok(await option(page, pre, 'radio', '/aufenthalt/p104cAnschlusstitel', 'p25b').isChecked());
  assert.ok(await option(page, pre, 'checkbox', '/aufenthalt/p104cOffeneVoraussetzungen', 'lebensunterhalt').isChecked());
  assert.ok(!(await option(page, pre, 'checkbox', '/aufenthalt/p104cOffeneVoraussetzungen', 'identitaet').isChecked()));
  await status('duldung');
  await input('/aufenthalt/bleiberechtMoeglich').waitFor();
  assert.ok(await input('/aufenthalt/bleiberechtMoeglich').isChecked(), 'the Duldung answer is back too');

  // The interpreter's language, with a half-typed date elsewhere left alone.
  await input('/erstgespraech/dolmetschung').check();
  await typeInto(page, '/erstgespraech/dolmetschungSprache', 'Dari');
  await input('/erstgespraech/dolmetschung').uncheck();
  assert.equal(await input('/erstgespraech/dolmetschungSprache').count(), 0);
  await input('/erstgespraech/dolmetschung').check();
  await input('/erstgespraech/dolmetschungSprache').waitFor();
  assert.equal(await input('/erstgespraech/dolmetschungSprache').inputValue(), 'Dari');
}));

test('screening: the error summary never lists a question that is not on screen', withPage(async (page) => {
  await openForm(page, f);
  const pre = await prefix(page);
  const followUps = ['/aufenthalt/p104cErteiltAm', '/erstgespraech/verweisendeStelle', '/erstgespraech/dolmetschungSprache'];
  await option(page, pre, 'radio', '/aufenthalt/status', 'p104c').check();
  await option(page, pre, 'radio', '/erstgespraech/zugangsweg', 'institution').check();
  await page.locator(`[id="${fieldId(pre, '/erstgespraech/dolmetschung')}"]`).check();
  await submitButton(page).click();
  const box = summary(page);
  await box.waitFor();
  const entries = async () => (await box.getByRole('link').allTextContents()).map((t) => t.trim());
  for (const pointer of followUps) {
    assert.ok((await entries()).includes(requiredMessage(pointer)), `the summary asks for ${title(pointer)}`);
  }

  // Other answers: the questions go, and so do their entries and messages, at once.
  await option(page, pre, 'radio', '/aufenthalt/status', 'gestattung').check();
  await option(page, pre, 'radio', '/erstgespraech/zugangsweg', 'selbstmeldung').check();
  await page.locator(`[id="${fieldId(pre, '/erstgespraech/dolmetschung')}"]`).uncheck();
  const listed = await entries();
  for (const pointer of followUps) {
    assert.ok(!listed.includes(requiredMessage(pointer)), `no entry for the hidden ${title(pointer)}`);
    assert.ok(!(await present(page, pre, pointer)), `${title(pointer)} is hidden`);
  }
  assert.ok(listed.length > 0, 'the required fields still missing are listed');
  for (const href of await box.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    assert.equal(await page.locator(`[id="${href.slice(1)}"]`).count(), 1, `${href} is on the page`);
  }
  assert.equal(
    await page.locator('.bogen-form .bogen-error-message').count(),
    listed.length,
    'each message in the form has one summary entry',
  );
}));

test('screening: what the form hands out holds no answer to a hidden question', withPage(async (page) => {
  await openForm(page, f);
  const pre = await prefix(page);
  await enter(page, f, f.minimal);
  await option(page, pre, 'radio', '/aufenthalt/status', 'p104c').check();
  await typeInto(page, '/aufenthalt/p104cErteiltAm', '03.04.2026');
  await option(page, pre, 'checkbox', '/aufenthalt/p104cOffeneVoraussetzungen', 'identitaet').check();
  await option(page, pre, 'radio', '/aufenthalt/status', f.minimal.aufenthalt.status).check();

  const submittedRecord = await submitValid(page);
  assert.deepEqual(withoutEmptyGroups(submittedRecord.data), f.minimal, 'bogen-submit: no §104c answers');
  const saved = await save(page);
  assert.deepEqual(withoutEmptyGroups(saved.record.data), f.minimal, 'JSON speichern: no §104c answers');
  assert.ok(!saved.text.includes('p104c'), 'the saved file does not mention them at all');

  // Still in memory: picking §104c again brings them back, and now they are handed out.
  await option(page, pre, 'radio', '/aufenthalt/status', 'p104c').check();
  const date = page.locator(`[id="${fieldId(pre, '/aufenthalt/p104cErteiltAm')}"]`);
  await date.waitFor();
  assert.equal(await date.inputValue(), '03.04.2026');
  const again = await submitValid(page);
  assert.deepEqual(again.data.aufenthalt, {
    status: 'p104c',
    p104cErteiltAm: '2026-04-03',
    p104cOffeneVoraussetzungen: ['identitaet'],
  });
}));
