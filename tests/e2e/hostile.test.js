// Hostile text is shown as text: markup, bidi controls and zero-width characters in values
// loaded from a file and in the texts of a form a host brings are never interpreted.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { FORMS, digest, ui } from './forms.js';
import { enter, field, jsonFile, load, openForm, save, waitForStatus } from './portal.js';

const withPage = usePages();

const SCRIPT = '<script>window.pwned=1</script>';
const IMG = '<img src=x onerror=window.pwned=1>';
const BIDI = '\u202efdp.exe\u202c \u2066Amal\u2069 \u2067أمل\u2069';
const ZERO_WIDTH = 'Ha\u200bd\u200cd\u200da\u2060d\ufeff';

/** Whether any markup from the hostile strings became an element or ran. */
async function assertNothingRan(page) {
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'no hostile script ran');
  assert.equal(await page.locator('.bogen script, .bogen img').count(), 0, 'no hostile element was made');
}

test('values with markup, bidi controls and zero-width characters load as literal text', withPage(async (page) => {
  const f = FORMS.find((x) => x.id === 'screening');
  await openForm(page, f);
  await enter(page, f, f.minimal);
  const saved = await save(page);
  const record = structuredClone(saved.record);
  record.data.person.name = `${SCRIPT}${BIDI}`;
  record.data.person.vorname = `${IMG}${ZERO_WIDTH}`;
  record.dataHash = digest(record.data);

  await load(page, jsonFile('feindlich.json', JSON.stringify(record, null, 2)));
  await waitForStatus(page, ui('record.loaded', { file: 'feindlich.json' }));
  assert.equal(await (await field(page, '/person/name')).inputValue(), `${SCRIPT}${BIDI}`);
  assert.equal(await (await field(page, '/person/vorname')).inputValue(), `${IMG}${ZERO_WIDTH}`);
  await assertNothingRan(page);
}));

test('a form a host brings shows markup in its texts as text', withPage(async (page) => {
  await openForm(page, FORMS[0]);
  await page.evaluate(
    async ([script, img, bidi, zeroWidth]) => {
      const { mount } = await import(new URL('./bogen.js', document.baseURI).href);
      const host = document.createElement('div');
      host.id = 'feindlich';
      document.body.append(host);
      await mount(host, {
        form: {
          schema: {
            type: 'object',
            required: ['a'],
            properties: { a: { type: 'string' }, b: { type: 'string', enum: ['x'] } },
          },
          uiSchema: { a: { 'ui:placeholder': img } },
          texts: {
            reviewed: true,
            form: { title: script, description: `${img}${bidi}` },
            fields: { a: { title: `${bidi}${zeroWidth}`, help: img }, b: { title: script, enum: { x: img } } },
          },
        },
      });
    },
    [SCRIPT, IMG, BIDI, ZERO_WIDTH],
  );
  const host = page.locator('#feindlich');
  await host.locator('h1').waitFor();
  assert.equal(await host.locator('h1').textContent(), SCRIPT);
  assert.equal(await host.locator('.bogen-lead').textContent(), `${IMG}${BIDI}`);
  const label = host.locator('label', { hasText: 'fdp.exe' });
  assert.ok((await label.textContent()).includes(`${BIDI}${ZERO_WIDTH}`), 'bidi and zero-width characters are kept');
  assert.ok((await host.textContent()).includes(IMG), 'help and choice labels show the markup as text');
  await host.getByRole('button', { name: ui('submit'), exact: true }).click();
  await host.locator('.bogen-error-summary').waitFor();
  assert.ok((await host.locator('.bogen-error-summary').textContent()).includes(`${BIDI}${ZERO_WIDTH}`));
  await assertNothingRan(page);
  assert.equal(await host.locator('script, img').count(), 0);
}));
