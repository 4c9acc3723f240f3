// Drafts: what was typed is saved encrypted in IndexedDB and offered after a reload; the stored
// entries hold nothing readable of it and the key cannot be read out; submitting, „Entwurf
// verwerfen“ and the expiry delete the draft.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { wcag21 } from './axe.js';
import { activeElement, isFocused } from './shadow.js';

import { usePages } from './browser.js';
import { FORMS, asEntered, germanDate, leaves, ui, withoutEmptyGroups } from './forms.js';
import { assertOnScreen, enter, field, openForm, submitValid, typeInto, waitForForm } from './portal.js';

const withPage = usePages();
const screening = FORMS.find((f) => f.id === 'screening');

/** The Screeningbogen's minimal example with a first name in several scripts, as typed. */
const typedData = structuredClone(screening.minimal);
typedData.person.vorname = 'Oksana Ğülşen Юлія';

/** Every text typed, dates also as typed (the choices are codes from the schema, not what people wrote). */
const secrets = leaves(typedData)
  .map(([, v]) => v)
  .filter((v) => typeof v === 'string' && /[A-Z\u00c0-\uffff]|\d{4}-/.test(v))
  .flatMap((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? [v, germanDate(v)] : [v]));

/**
 * Everything in the draft database, as the page's own scripts can read it: each entry's fields
 * (bytes as base64, and decoded as UTF-8 and Latin-1 in case plaintext were stored as bytes),
 * and the stored keys with whether `exportKey` gives their bytes.
 */
function readStore(page) {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'bogen-drafts')) {
      return { drafts: [], keys: [] };
    }
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('bogen-drafts');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store) =>
      new Promise((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const bytesOf = (v) => (v instanceof ArrayBuffer ? new Uint8Array(v) : ArrayBuffer.isView(v) ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : null);
    const base64 = (bytes) => btoa(String.fromCharCode(...bytes));
    const drafts = (await all('drafts')).map((entry) => {
      const shown = {};
      const views = [];
      for (const [name, value] of Object.entries(entry)) {
        const bytes = bytesOf(value);
        if (bytes) {
          shown[name] = { bytes: bytes.length, base64: base64(bytes) };
          views.push(new TextDecoder('utf-8').decode(bytes), new TextDecoder('latin1').decode(bytes), base64(bytes));
        } else {
          shown[name] = value;
          views.push(JSON.stringify(value));
        }
      }
      return { entry: shown, fields: Object.keys(entry).sort(), views };
    });
    const keys = [];
    for (const key of await all('keys')) {
      const exported = await crypto.subtle.exportKey('raw', key).then(() => 'exported', (e) => e.name);
      keys.push({ isKey: key instanceof CryptoKey, extractable: key.extractable, algorithm: key.algorithm.name, usages: key.usages, exported });
    }
    db.close();
    return { drafts, keys };
  });
}

/** Waits until the store holds exactly `count` drafts, the newest saved after `since` (ms). */
async function storeSettles(page, count, since = 0) {
  let store;
  for (let i = 0; i < 100; i++) {
    store = await readStore(page);
    const newest = Math.max(0, ...store.drafts.map((d) => d.entry.savedAt));
    if (store.drafts.length === count && (count === 0 || newest >= since)) {
      return store;
    }
    await page.waitForTimeout(100);
  }
  assert.fail(`expected ${count} draft(s) saved after ${since}, found ${JSON.stringify(store.drafts.map((d) => d.entry))}`);
}

/** Base64 of the value's UTF-8 bytes at each of the three byte alignments it can have in a longer text. */
function base64Forms(value) {
  const bytes = Buffer.from(value, 'utf8');
  return [0, 1, 2]
    .map((k) => bytes.subarray(k, k + Math.floor((bytes.length - k) / 3) * 3))
    .filter((b) => b.length >= 3)
    .map((b) => b.toString('base64'));
}

function region(page) {
  return page.locator('.bogen-draft');
}

function regionButton(page, key) {
  return region(page).getByRole('button', { name: ui(key), exact: true });
}

/** The moment as the region writes it in German. */
function germanMoment(ms) {
  return new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** Types the data and waits for its draft; returns the store then. */
async function typeAndWaitForDraft(page) {
  await enter(page, screening, typedData);
  // The last value entered, a moment after which the debounced save must have happened.
  const typedAt = await page.evaluate(() => Date.now());
  return storeSettles(page, 1, typedAt);
}

test('a typed form survives a reload as an encrypted draft, is offered, restored, and deleted by submitting', withPage(async (page) => {
  await openForm(page, screening);
  assert.equal((await region(page).innerText()).trim(), ui('draft.notice'), 'the form says that drafts are kept');
  assert.equal(await regionButton(page, 'draft.discard').isVisible(), false, 'nothing to discard before anything is typed');
  const store = await typeAndWaitForDraft(page);
  await regionButton(page, 'draft.discard').waitFor({ state: 'visible' });

  const [draft] = store.drafts;
  assert.deepEqual(draft.fields, ['ciphertext', 'expiresAt', 'formId', 'id', 'iv', 'savedAt'], 'the entry holds only these fields');
  assert.equal(draft.entry.formId, 'screening');
  assert.match(draft.entry.id, /^[0-9a-f]{64}$/, 'the id is a digest');
  assert.equal(draft.entry.iv.bytes, 12, 'a 96-bit IV');
  assert.ok(draft.entry.ciphertext.bytes > 200, 'the record is stored as ciphertext');
  const days = (draft.entry.expiresAt - draft.entry.savedAt) / 86_400_000;
  assert.equal(days, 7, 'kept 7 days by default');
  assert.ok(secrets.length >= 6, `the typed values are checked (${secrets.length})`);
  for (const secret of secrets) {
    for (const view of draft.views) {
      assert.ok(!view.includes(secret), `the stored entry does not show ${JSON.stringify(secret)}`);
      for (const form of base64Forms(secret)) {
        assert.ok(!view.includes(form), `the stored entry does not hold ${JSON.stringify(secret)} as base64`);
      }
    }
  }
  assert.deepEqual(store.keys, [
    { isKey: true, extractable: false, algorithm: 'AES-GCM', usages: ['encrypt', 'decrypt'], exported: 'InvalidAccessError' },
  ], 'one non-extractable AES-GCM key, which exportKey refuses');

  // A second save of the same data has another IV and another ciphertext.
  await typeInto(page, '/person/name', 'Melnyk');
  const again = await storeSettles(page, 1, draft.entry.savedAt + 1);
  assert.notEqual(again.drafts[0].entry.iv.base64, draft.entry.iv.base64, 'every save has a fresh IV');

  await page.reload();
  await waitForForm(page, screening);
  const offer = ui('draft.offer', { date: germanMoment(again.drafts[0].entry.savedAt) });
  await page.getByRole('group', { name: offer, exact: true }).waitFor();
  assert.equal(await (await field(page, '/person/vorname')).inputValue(), '', 'the form starts empty until the person answers');
  assert.ok(await isFocused(region(page)), 'focus is on the question');
  // Keyboard only: the first Tab reaches „Fortsetzen“.
  await page.keyboard.press('Tab');
  assert.equal(await (await activeElement(page)).evaluate((e) => e.textContent), ui('draft.continue'));
  await page.keyboard.press('Enter');
  await assertOnScreen(page, screening, typedData);
  const restored = ui('draft.restored', { date: germanMoment(again.drafts[0].entry.savedAt) });
  assert.equal((await region(page).locator('p').innerText()).trim(), restored);
  assert.ok(await isFocused(region(page)), 'focus stays in the region');

  const record = await submitValid(page);
  assert.deepEqual(withoutEmptyGroups(record.data), asEntered(typedData), 'the restored data is the data typed');
  await storeSettles(page, 0);
  await page.reload();
  await waitForForm(page, screening);
  assert.equal((await region(page).innerText()).trim(), ui('draft.notice'), 'after submitting nothing is offered');
}));

test('an expired draft is deleted when any form opens, and not offered', withPage(async (page) => {
  await openForm(page, screening);
  await typeAndWaitForDraft(page);
  // The draft's time is up; another form's draft is up too, a third one is not.
  await page.evaluate(async () => {
    const db = await new Promise((resolve) => {
      indexedDB.open('bogen-drafts').onsuccess = (e) => resolve(e.target.result);
    });
    const tx = db.transaction('drafts', 'readwrite');
    const store = tx.objectStore('drafts');
    store.getAll().onsuccess = (e) => {
      const [mine] = e.target.result;
      const now = Date.now();
      store.put({ ...mine, expiresAt: now - 1000 });
      store.put({ ...mine, id: 'a'.repeat(64), formId: 'hilfeplan', expiresAt: now - 1 });
      store.put({ ...mine, id: 'b'.repeat(64), formId: 'hilfeplan', expiresAt: now + 86_400_000 });
    };
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    db.close();
  });
  await page.reload();
  await waitForForm(page, screening);
  const store = await storeSettles(page, 1);
  assert.equal(store.drafts[0].entry.id, 'b'.repeat(64), 'only the draft whose time is not up is left');
  assert.equal((await region(page).innerText()).trim(), ui('draft.notice'), 'the expired draft is not offered');
  assert.equal(await (await field(page, '/person/vorname')).inputValue(), '');
}));

test('„Entwurf verwerfen“ deletes the draft, while typing and when it is offered', withPage(async (page) => {
  await openForm(page, screening);
  await typeAndWaitForDraft(page);
  await regionButton(page, 'draft.discard').click();
  await storeSettles(page, 0);
  assert.equal((await region(page).innerText()).trim(), ui('draft.discarded'));
  assert.equal(await (await field(page, '/person/vorname')).inputValue(), typedData.person.vorname, 'the form keeps what is on screen');
  await page.reload();
  await waitForForm(page, screening);
  assert.equal((await region(page).innerText()).trim(), ui('draft.notice'), 'a discarded draft is not offered');

  const typedAt = await page.evaluate(() => Date.now());
  await typeInto(page, '/person/name', 'Melnyk');
  await storeSettles(page, 1, typedAt);
  await page.reload();
  await waitForForm(page, screening);
  await regionButton(page, 'draft.continue').waitFor();
  const axe = await wcag21(page).analyze();
  assert.ok(axe.passes.some((p) => p.id === 'color-contrast'), 'axe checked the contrast of the question');
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), [], 'the page with the question has no WCAG 2.1 AA violation');
  await regionButton(page, 'draft.discard').click();
  await storeSettles(page, 0);
  assert.equal((await region(page).innerText()).trim(), ui('draft.discarded'));
  assert.ok(await isFocused(region(page)), 'focus stays in the region');
  assert.equal(await (await field(page, '/person/name')).inputValue(), '', 'the form stays empty');
  await page.reload();
  await waitForForm(page, screening);
  assert.equal(await regionButton(page, 'draft.continue').count(), 0, 'nothing is offered any more');
}));

/** Mounts the Screeningbogen into a new element `#<id>` at the end of the page's main, with `draft`. */
function mountSlot(page, id, draft) {
  return page.evaluate(
    async ([id, draft]) => {
      const { mount } = await import('./bogen.js');
      const element = document.createElement('div');
      element.id = id;
      document.querySelector('main').append(element);
      await mount(element, { form: 'screening', lang: 'de', draft });
    },
    [id, draft],
  );
}

test('the host option: a key keeps separate drafts of one form, expiryDays sets the expiry, nonsense is named', withPage(async (page) => {
  await openForm(page, screening);
  const refused = await page.evaluate(async () => {
    const { mount } = await import('./bogen.js');
    const out = [];
    for (const draft of [{ expiryDays: 0 }, { expiryDays: 'sieben' }, { key: '' }, 'ja']) {
      out.push(await mount(document.createElement('div'), { form: 'screening', draft }).then(() => 'mounted', (e) => `${e.name}: ${e.message}`));
    }
    return out;
  });
  assert.equal(refused.length, 4);
  for (const message of refused) {
    assert.match(message, /^TypeError: Bogen: options\.draft/, 'the wrong option is named');
  }

  await mountSlot(page, 'fall-1', { key: 'fall-1', expiryDays: 2 });
  await mountSlot(page, 'fall-2', { key: 'fall-2', expiryDays: 2 });
  const typedAt = await page.evaluate(() => Date.now());
  await page.locator('#fall-1 input[type=text]').nth(1).fill('Erster Fall');
  await page.locator('#fall-2 input[type=text]').nth(1).fill('Zweiter Fall');
  const store = await storeSettles(page, 2, typedAt);
  assert.notEqual(store.drafts[0].entry.id, store.drafts[1].entry.id, 'one draft per key');
  for (const { entry } of store.drafts) {
    assert.equal((entry.expiresAt - entry.savedAt) / 86_400_000, 2, 'kept as long as the host said');
  }

  await page.reload();
  await waitForForm(page, screening);
  assert.equal(await regionButton(page, 'draft.continue').count(), 0, 'the portal form has no draft of its own');
  await mountSlot(page, 'fall-2', { key: 'fall-2' });
  await mountSlot(page, 'fall-1', { key: 'fall-1' });
  for (const [id, value] of [['fall-1', 'Erster Fall'], ['fall-2', 'Zweiter Fall']]) {
    await page.locator(`#${id} .bogen-draft`).getByRole('button', { name: ui('draft.continue'), exact: true }).click();
    assert.equal(await page.locator(`#${id} input[type=text]`).nth(1).inputValue(), value, `${id} gets its own draft back`);
  }
}));
