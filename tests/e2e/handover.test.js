// Mixed mode and the tablet handover: the case manager reads German with the participant's
// language beneath; the participant gets a read-only summary in their language and the
// signature pad, nothing else; only the case manager's PIN leads back, with the signature kept.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { wcag21 } from './axe.js';
import { activeElement } from './shadow.js';

import { usePages } from './browser.js';
import { form, readJson, ui } from './forms.js';
import { enter, field, openForm, save, typeInto } from './portal.js';
import { shoot } from './shots.js';

const withPage = usePages();
const datenschutz = form('datenschutz');
const arabic = readJson('forms/common/i18n/ar.json').ui;
const arabicForm = readJson('forms/datenschutz/i18n/ar.json');
const PIN = '2468';

function collectSignatures() {
  window.signed = [];
  document.addEventListener('bogen-signed', (e) => window.signed.push(e.detail));
}

async function chooseParticipant(page, lang) {
  await page.getByLabel(ui('participant.language')).selectOption(lang);
  await page.locator(`.bogen-participant[lang="${lang}"]`).first().waitFor();
}

async function axeViolations(page) {
  const results = await wcag21(page).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Form controls the participant could use: enabled, in the form's element and not inert, or
 * elsewhere on the page and not covered by the handover view.
 */
function reachableControls(page) {
  return page.evaluate(() => {
    const host = document.querySelector('bogen-form');
    const root = host.shadowRoot ?? host;
    const usable = (e) => !e.disabled && e.getClientRects().length > 0;
    const inForm = [...root.querySelectorAll('input, textarea, select, button')]
      .filter(usable)
      .filter((e) => !e.closest('[inert]') && e.tagName !== 'BUTTON' && !e.closest('.bogen-handover'));
    const onPage = [...document.querySelectorAll('input, textarea, select, button')].filter(usable).filter((e) => {
      const box = e.getBoundingClientRect();
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      // A point over the form's shadow tree names the <bogen-form> host; ask its root what is there.
      let top = document.elementFromPoint(x, y);
      if (top === host && host.shadowRoot) {
        top = host.shadowRoot.elementFromPoint(x, y);
      }
      return top !== null && !top.closest('.bogen-handover');
    });
    return [...inForm, ...onPage].map((e) => e.id || e.name || e.tagName);
  });
}

async function enterPin(dialog, first, second) {
  await dialog.getByLabel(ui('handover.pin.label')).fill(first);
  if (second !== undefined) {
    await dialog.getByLabel(ui('handover.pin.repeat')).fill(second);
  }
  await dialog.locator('button[type="submit"]').click();
}

test('datenschutz: mixed mode shows the Arabic texts beneath the German ones, and can be switched off', withPage(async (page) => {
  await openForm(page, datenschutz);
  await typeInto(page, '/teilnehmende/name', 'Haddad');
  await chooseParticipant(page, 'ar');

  const label = page.locator(`label[for="${await (await field(page, '/teilnehmende/name')).getAttribute('id')}"]`);
  assert.ok((await label.innerText()).includes(datenschutz.texts.fields['teilnehmende.name'].title), 'German label');
  const beneath = label.locator('.bogen-participant');
  assert.equal(await beneath.innerText(), arabicForm.fields['teilnehmende.name'].title, 'Arabic label beneath');
  assert.equal(await beneath.getAttribute('lang'), 'ar');
  assert.equal(await beneath.getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('.bogen').getAttribute('lang'), 'de', 'the form itself stays German');
  assert.equal(await (await field(page, '/teilnehmende/name')).inputValue(), 'Haddad', 'nothing typed is lost');
  assert.deepEqual(await axeViolations(page), [], 'mixed mode');

  const toggle = page.getByLabel(ui('participant.mixed'));
  await toggle.uncheck();
  await page.locator('.bogen-participant').first().waitFor({ state: 'detached' });
  await toggle.check();
  await page.locator('.bogen-participant').first().waitFor();
  assert.equal(await (await field(page, '/teilnehmende/name')).inputValue(), 'Haddad');
}));

test('datenschutz: the participant reads and signs in Arabic; only the PIN leads back, with the signature', withPage(async (page, t) => {
  await page.addInitScript(collectSignatures);
  await openForm(page, datenschutz);
  await enter(page, datenschutz, datenschutz.minimal);
  await chooseParticipant(page, 'ar');
  await page.getByRole('button', { name: ui('handover.start') }).click();

  const pinDialog = page.locator('.bogen-handover--pin');
  await pinDialog.waitFor();
  await enterPin(pinDialog, '12', '12');
  await pinDialog.getByText(ui('handover.pin.shape')).waitFor();
  await enterPin(pinDialog, PIN, '2469');
  await pinDialog.getByText(ui('handover.pin.mismatch')).waitFor();
  await enterPin(pinDialog, PIN, PIN);

  const view = page.locator('.bogen-handover:not(.bogen-handover--pin)');
  await view.waitFor();
  assert.equal(await view.getAttribute('lang'), 'ar');
  assert.equal(await view.getAttribute('dir'), 'rtl');
  assert.equal(await view.getByRole('heading', { level: 2 }).innerText(), arabicForm.form.title);
  const yes = await view.locator('dd.bogen-handover__value').allInnerTexts();
  assert.ok(yes.includes(arabic['handover.yes']), 'a ticked consent reads as the Arabic yes');
  assert.ok(yes.includes(datenschutz.minimal.teilnehmende.name), 'the typed name is shown as typed');
  assert.deepEqual(await reachableControls(page), [], 'no editable control in the participant view');
  assert.equal(await view.getByRole('button', { name: ui('handover.start') }).count(), 0, 'no toolbar');

  await page.keyboard.press('Escape');
  assert.ok(await view.isVisible(), 'Escape does not leave the view');
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const inside = await (await activeElement(page)).evaluate((e) => Boolean(e?.closest('.bogen-handover')));
    assert.ok(inside, `focus stays in the view after ${i + 1} Tab presses`);
  }
  assert.deepEqual(await axeViolations(page), [], 'participant view');
  await shoot(page, 'handover-ar', { fullPage: false });

  const canvas = view.locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.5);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    const f = i / 24;
    await page.mouse.move(box.x + box.width * (0.1 + 0.8 * f), box.y + box.height * (0.5 + 0.25 * Math.sin(f * 4 * Math.PI)), { steps: 2 });
  }
  await page.mouse.up();
  await view.getByRole('button', { name: arabic['signature.sign'], exact: true }).click();
  await view.getByText(arabic['handover.signed']).waitFor();
  const signed = await page.evaluate(() => window.signed.at(-1));
  assert.equal(signed.role, 'teilnehmende');

  await view.getByRole('button', { name: arabic['handover.back'] }).click();
  const back = page.locator('.bogen-handover--pin');
  await back.getByRole('heading', { name: ui('handover.pin.checkTitle') }).waitFor();
  assert.equal(await back.getAttribute('lang'), 'de', 'the PIN prompt is for the case manager');
  await enterPin(back, '1111');
  await back.getByText(ui('handover.pin.wrong', { left: 4 })).waitFor();
  assert.ok(await back.isVisible(), 'a wrong PIN stays');
  await enterPin(back, PIN);
  await back.waitFor({ state: 'detached' });
  await page.getByText(ui('handover.returned')).waitFor();
  assert.equal(await page.locator('[inert]').count(), 0, 'the form can be used again');

  const file = await save(page);
  const signature = file.record.signatures.find((s) => s.role === 'teilnehmende');
  assert.ok(signature, 'the signature is in the record');
  assert.equal(signature.mark.method, 'drawn');
  assert.ok(signature.mark.strokes.length > 0, 'with its strokes');
  t.diagnostic(`signed by ${signature.name.length} characters of name`);
}));

test('hilfeplan: five wrong PINs make the next try wait', withPage(async (page) => {
  await openForm(page, form('hilfeplan'));
  await page.getByRole('button', { name: ui('handover.start') }).click();
  const dialog = page.locator('.bogen-handover--pin');
  await enterPin(dialog, PIN, PIN);
  const view = page.locator('.bogen-handover:not(.bogen-handover--pin)');
  await view.waitFor();
  assert.equal(await view.getAttribute('lang'), 'de', 'without a participant language the view is in the working language');
  await view.getByRole('button', { name: ui('handover.back') }).click();
  for (let left = 4; left >= 1; left--) {
    await enterPin(dialog, '0000');
    await dialog.getByText(ui('handover.pin.wrong', { left })).waitFor();
  }
  await enterPin(dialog, '0000');
  await dialog.getByText(ui('handover.pin.wait', { seconds: 30 })).waitFor();
  assert.ok(await dialog.getByLabel(ui('handover.pin.label')).isDisabled(), 'no entry while waiting');
}));
