// Offline: after one visit the demo portal's service worker holds the whole site, so with the
// network switched off the page opens, the form fills in, shows its messages and makes the PDF,
// every file answered from the worker's cache.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { FORMS, ui } from './forms.js';
import { enter, openForm, submitButton, submitValid, summary, waitForForm } from './portal.js';

const withPage = usePages({ serviceWorkers: 'allow' });
const screening = FORMS.find((f) => f.id === 'screening');

test('offline after the first visit: the form opens, fills, validates and makes the PDF', withPage(async (page) => {
  await openForm(page, screening);
  // Installed (every file cached) and in charge of this page.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('bogen-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const file of ['/', '/index.html', '/bogen.js', '/bogen_web_bg.wasm', '/drafts.js', '/bogen_pdf.js', '/bogen_pdf_bg.wasm',
    '/fonts/NotoSans-Regular.ttf', '/forms/screening.de.json', '/forms/hilfeplan.ar.json']) {
    assert.ok(cached.includes(file), `${file} is in the offline cache`);
  }
  assert.ok(!cached.includes('/sw.js'), 'the worker itself is fetched anew, not cached');

  await page.context().setOffline(true);
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.reload();
  await waitForForm(page, screening);
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');

  await submitButton(page).click();
  await summary(page).waitFor();
  assert.ok((await summary(page).innerText()).includes(ui('summary.title')), 'the messages are shown offline');

  await enter(page, screening, screening.minimal);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: ui('pdf'), exact: true }).click(),
  ]);
  const pdf = await readFile(await download.path());
  assert.ok(pdf.length > 10_000, `the PDF has content (${pdf.length} bytes)`);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'the download is a PDF');
  await submitValid(page);

  const files = responses.filter((r) => !r.url().startsWith('blob:'));
  const names = files.map((r) => new URL(r.url()).pathname);
  for (const file of ['/', '/bogen_web_bg.wasm', '/forms/screening.de.json', '/bogen_pdf_bg.wasm', '/fonts/NotoSans-Bold.ttf']) {
    assert.ok(names.includes(file), `${file} was loaded offline (loaded: ${names.join(', ')})`);
  }
  const notFromCache = files.filter((r) => !r.fromServiceWorker() || !cached.includes(new URL(r.url()).pathname));
  assert.deepEqual(notFromCache.map((r) => r.url()), [], 'every file came from the offline cache');
}));
