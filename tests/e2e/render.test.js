// Each form opens from the portal's form picker with its German title and labelled inputs.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BASE, usePages } from './browser.js';
import { FORMS } from './forms.js';
import { openForm, prefix } from './portal.js';

const withPage = usePages();

for (const f of FORMS) {
  test(`${f.id}: opens from the form picker with its title and labelled inputs`, withPage(async (page) => {
    await openForm(page, f);

    const h1 = page.getByRole('heading', { level: 1 });
    assert.equal(await h1.count(), 1, 'one h1 on the page');
    assert.equal((await h1.textContent()).trim(), f.title);
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    assert.ok((await page.title()).startsWith(f.title), `the page title names the form: ${await page.title()}`);
    const current = page.getByRole('navigation', { name: 'Formular wählen' }).locator('[aria-current=page]');
    assert.equal(await current.getAttribute('data-form'), f.id, 'the picker marks the open form');

    const controls = await page.locator('.bogen').evaluate((root) =>
      [...root.querySelectorAll('input, select, textarea')]
        .filter((e) => !e.hidden && e.type !== 'hidden')
        .map((e) => ({
          id: e.id,
          labels: [...(e.labels ?? [])].map((l) => l.textContent.trim()),
        })),
    );
    assert.ok(controls.length > 0, 'the form has inputs');
    const unlabelled = controls.filter((c) => !c.id || !c.labels.some((l) => l.length > 0));
    assert.deepEqual(unlabelled, [], 'every input has an id and a label with text');

    const pre = await prefix(page);
    const foreign = controls.filter((c) => !c.id.startsWith(`${pre}-`));
    assert.deepEqual(foreign, [], 'input ids are derived from their pointers');
  }));
}

test('the portal has an icon, so the browser asks for nothing that is missing', withPage(async (page) => {
  await page.goto(BASE);
  const icon = await page.evaluate(
    () => document.querySelector('link[rel~="icon"]')?.href ?? new URL('/favicon.ico', document.baseURI).href,
  );
  const response = await page.context().request.get(icon);
  assert.equal(response.status(), 200, `${icon} is served`);
}));
