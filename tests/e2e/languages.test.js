// The participant's language: switching keeps every value, Arabic mirrors the form, and every
// language passes the same accessibility rules as German.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { wcag21 } from './axe.js';
import { usePages } from './browser.js';
import { FORMS, asEntered, readJson, withoutEmptyGroups } from './forms.js';
import { assertOnScreen, enter, openForm, submitValid } from './portal.js';
import { shoot } from './shots.js';

const withPage = usePages();
const hilfeplan = FORMS.find((f) => f.id === 'hilfeplan');

/** Picks `lang` in the portal's language menu and waits for the form in that language. */
async function switchTo(page, lang) {
  await page.getByLabel('Sprache des Formulars').selectOption(lang);
  await page.locator(`.bogen[lang="${lang}"]`).waitFor();
  const title = readJson(`forms/${hilfeplan.id}/i18n/${lang}.json`).form.title;
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
}

/**
 * The loaded record shows after the engine's next render step, not at once: retries the check
 * until it passes (or its last failure after 10 s).
 */
async function eventually(check) {
  const end = Date.now() + 10_000;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) {
        throw e;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function axeViolations(page) {
  const results = await wcag21(page).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('hilfeplan: de → ar → uk → de keeps every value; Arabic runs right to left', withPage(async (page) => {
  await openForm(page, hilfeplan);
  await enter(page, hilfeplan, hilfeplan.full);

  await switchTo(page, 'ar');
  assert.equal(await page.locator('.bogen').getAttribute('dir'), 'rtl', 'the Arabic form runs right to left');
  assert.equal(await page.locator('.bogen').evaluate((e) => getComputedStyle(e).direction), 'rtl');
  assert.ok(await page.locator('.bogen-notice').isVisible(), 'the unreviewed translation is marked as such');
  await eventually(() => assertOnScreen(page, hilfeplan, hilfeplan.full));
  assert.deepEqual(await axeViolations(page), [], 'no WCAG 2.1 AA violations in Arabic');
  await shoot(page, 'hilfeplan-ar', { fullPage: false });

  await switchTo(page, 'uk');
  assert.equal(await page.locator('.bogen').getAttribute('dir'), 'ltr');
  await eventually(() => assertOnScreen(page, hilfeplan, hilfeplan.full));
  await shoot(page, 'hilfeplan-uk', { fullPage: false });

  await switchTo(page, 'de');
  assert.equal(await page.locator('.bogen-notice').count(), 0, 'German is the reviewed original');
  const record = await submitValid(page);
  assert.deepEqual(withoutEmptyGroups(record.data), asEntered(hilfeplan.full), 'nothing typed was lost');
  assert.match(page.url(), /[?&]lang=de\b/, 'the address keeps the language, never the data');
}));
