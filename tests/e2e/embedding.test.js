// Embedding as a Träger's web team does it: <bogen-form> in the demo portal under the strict
// Content Security Policy, two forms on one page, theming by custom properties and ::part(),
// the Träger profile, read-only mode and the integrity hashes of the build.
//
// `usePages` already fails a test on any console error, failed request or request to another
// origin; these tests add what is particular to embedding.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';

import { wcag21 } from './axe.js';
import { BASE, usePages } from './browser.js';
import { readJson, ui } from './forms.js';
import { fieldId, settled } from './portal.js';

const withPage = usePages();
const PROFILE = readJson('www/traeger.json');
const TYPED = 'Zeynep Kaya-Testdaten';

/** Records CSP violations and every request's URL from the first script on. */
async function watch(page) {
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  return requests;
}

/** The <bogen-form> matching `selector` once its form is on screen, and its id prefix. */
async function embedded(page, selector = 'bogen-form') {
  const host = page.locator(selector);
  const title = host.locator('h1.bogen-title');
  await title.waitFor();
  await settled(page);
  const id = await title.getAttribute('id');
  return { host, pre: id.slice(0, -'--title'.length) };
}

function input(form, pointer) {
  return form.host.locator(`[id="${fieldId(form.pre, pointer)}"]`);
}

async function wcag(page) {
  const results = await wcag21(page).analyze();
  assert.ok(results.passes.some((p) => p.id === 'color-contrast'), 'axe checked colour contrast');
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the portal runs under the strict CSP: no violation, only its own files, no data in URLs', withPage(async (page) => {
  const requests = await watch(page);
  const response = await page.goto(`${BASE}?form=screening`);
  const policy = response.headers()['content-security-policy'] ?? '';
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "frame-ancestors 'self'"]) {
    assert.ok(policy.includes(directive), `the page is served with ${directive}`);
  }
  const form = await embedded(page);
  await input(form, '/person/name').fill(TYPED);
  await page.getByLabel('Sprache des Formulars').selectOption('en');
  await page.waitForFunction(() => document.querySelector('bogen-form').shadowRoot.querySelector('.bogen[lang="en"]'));
  const again = await embedded(page);
  assert.equal(await input(again, '/person/name').inputValue(), TYPED, 'the new language keeps what was typed');
  assert.deepEqual(await page.evaluate(() => window.violations), [], 'no securitypolicyviolation event');
  assert.ok(requests.length > 5, `requests were recorded (${requests.length})`);
  const origin = new URL(BASE).origin;
  assert.deepEqual(requests.filter((u) => new URL(u).origin !== origin), [], 'every request goes to the site itself');
  assert.deepEqual(requests.filter((u) => u.includes('Zeynep') || u.includes('Kaya')), [], 'no typed data in a request');
  assert.ok(!page.url().includes('Kaya'), 'no typed data in the address');
  assert.deepEqual(await wcag(page), [], 'no WCAG 2.1 A/AA violation in the portal');
}));

test('the Träger profile shows in the header and fills the Datenschutzerklärung and the record', withPage(async (page) => {
  await page.goto(`${BASE}?form=datenschutz`);
  const form = await embedded(page);
  const header = form.host.locator('[part~=traeger]');
  assert.equal((await header.textContent()).trim(), PROFILE.name, 'the form header names the Träger');
  assert.equal(await header.locator('img').getAttribute('alt'), '', 'the logo beside the name is decoration');
  assert.equal(await input(form, '/verantwortlicheStelle/traeger').inputValue(), PROFILE.name);
  const dsb = await input(form, '/verantwortlicheStelle/datenschutzbeauftragte').inputValue();
  assert.ok(dsb.includes(PROFILE.datenschutzbeauftragte.name), `the data protection officer is filled in: ${dsb}`);
  const record = await page.evaluate(() => document.querySelector('bogen-form').record());
  assert.deepEqual(record.traeger, PROFILE, 'the record carries the profile');

  await page.goto(`${BASE}?form=screening`);
  const screening = await embedded(page);
  assert.equal(await input(screening, '/erstgespraech/kommune').inputValue(), PROFILE.kommune, 'the default Kommune');
}));

test('a profile that breaks a rule is named in a message and the form still works', withPage(async (page) => {
  await page.goto(`${BASE}?form=screening`);
  const form = await embedded(page);
  await page.evaluate((profile) => {
    const broken = structuredClone(profile);
    broken.anschrift.plz = 'vierzig';
    document.querySelector('bogen-form').profile = broken;
  }, PROFILE);
  const problem = form.host.locator('[part~=profile-problem]');
  await problem.waitFor();
  const expected = ui('profile.problem', { reason: ui('profile.invalid', { where: '/anschrift/plz' }) });
  assert.equal((await problem.textContent()).trim(), expected);
  assert.equal(await form.host.locator('[part~=traeger]').isVisible(), false, 'no Träger header from a broken profile');
  await input(form, '/person/name').fill(TYPED);
  const data = await page.evaluate(() => document.querySelector('bogen-form').data());
  assert.equal(data.person.name, TYPED, 'the form takes input');

  // Not JSON at all: the message names line and column.
  await page.evaluate(() => {
    document.querySelector('bogen-form').setAttribute('profile', 'portal.css');
  });
  await form.host.getByText(/Zeile 1, Spalte/).waitFor();
}));

test('two forms on one page work apart: typing in one leaves the other, events name their element', withPage(async (page) => {
  await page.addInitScript(() => {
    window.changes = [];
    document.addEventListener('bogen-change', (e) => window.changes.push(e.target.id));
  });
  await page.goto(`${BASE}zwei.html`);
  const datenschutz = await embedded(page, '#datenschutz');
  const screening = await embedded(page, '#screening');
  assert.notEqual(datenschutz.pre, screening.pre, 'each form has its own id prefix');
  const before = await page.evaluate(() => document.getElementById('screening').data());

  await input(datenschutz, '/teilnehmende/name').fill(TYPED);
  await page.waitForFunction(() => window.changes.length > 0);
  const changes = await page.evaluate(() => window.changes);
  assert.deepEqual([...new Set(changes)], ['datenschutz'], 'bogen-change comes from the form typed into');
  const after = await page.evaluate(() => [
    document.getElementById('datenschutz').data(),
    document.getElementById('screening').data(),
  ]);
  assert.equal(after[0].teilnehmende.name, TYPED);
  assert.deepEqual(after[1], before, 'the other form is unchanged');

  await datenschutz.host.getByRole('button', { name: ui('submit'), exact: true }).click();
  await datenschutz.host.locator('.bogen-error-summary').waitFor();
  assert.equal(await screening.host.locator('.bogen-error-summary').count(), 0, 'only the submitted form shows errors');
  assert.deepEqual(await wcag(page), [], 'no WCAG 2.1 A/AA violation with two forms');
}));

test('custom properties and ::part() change the look; host CSS does not reach inside', withPage(async (page) => {
  await page.goto(`${BASE}?form=datenschutz`);
  const form = await embedded(page);
  const submit = form.host.locator('[part~=submit]');
  const plain = await submit.screenshot({ animations: 'disabled' });
  const colour = () => submit.evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(await colour(), 'rgb(0, 112, 60)', 'the default theme');

  // The page's own style sheets: CSSOM, which the strict policy allows (no inline <style>).
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      bogen-form { --bogen-color-primary: rgb(106, 27, 154); --bogen-radius: 12px; }
      bogen-form::part(title) { color: rgb(23, 58, 100); }
      h1, input, button { color: rgb(255, 0, 0) !important; border: 9px dashed red !important; }
    `);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  assert.equal(await colour(), 'rgb(106, 27, 154)', 'the custom property reaches the button');
  assert.equal(await submit.evaluate((e) => getComputedStyle(e).borderTopLeftRadius), '12px');
  const themed = await submit.screenshot({ animations: 'disabled' });
  assert.ok(!plain.equals(themed), 'the themed button shows other pixels');
  const title = form.host.locator('[part~=title]');
  assert.equal(await title.evaluate((e) => getComputedStyle(e).color), 'rgb(23, 58, 100)', '::part(title) applies');
  const field = input(form, '/teilnehmende/name');
  assert.notEqual(await field.evaluate((e) => getComputedStyle(e).borderTopStyle), 'dashed', "the page's input rule stays outside");
}));

test('readonly shows the data without controls that change it, and can be switched off', withPage(async (page) => {
  await page.goto(`${BASE}?form=hilfeplan`);
  const form = await embedded(page);
  await page.evaluate(() => document.querySelector('bogen-form').setAttribute('readonly', ''));
  await form.host.locator('.bogen--readonly').waitFor();
  const again = await embedded(page);
  assert.equal(await again.host.getByRole('button', { name: ui('submit'), exact: true }).count(), 0, 'no submit button');
  assert.equal(await again.host.getByRole('button', { name: ui('load'), exact: true }).count(), 0, 'no load button');
  assert.equal(await again.host.locator('.bogen-list__add, .bogen-item__actions').count(), 0, 'no add or remove');
  assert.equal(await again.host.getByRole('button', { name: ui('signature.sign') }).count(), 0, 'no signing');
  const inputs = again.host.locator('[part~=form]').locator('input, textarea, select');
  assert.ok((await inputs.count()) > 0);
  assert.ok(await inputs.first().isDisabled(), 'inputs are disabled');
  assert.equal(await page.evaluate(() => document.querySelector('bogen-form').readOnly), true);

  await page.evaluate(() => {
    document.querySelector('bogen-form').readOnly = false;
  });
  await again.host.getByRole('button', { name: ui('submit'), exact: true }).waitFor();
  assert.ok(await inputs.first().isEnabled(), 'inputs take input again');
}));

test('the build pins its files with SHA-384 and writes the embed snippet', withPage(async (page) => {
  const get = async (path) => Buffer.from(await (await page.context().request.get(new URL(path, BASE).href)).body());
  const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const snippet = (await get('embed-snippet.html')).toString('utf8');
  for (const file of ['bogen.js', 'bogen_web.js', 'bogen-element.js']) {
    const hash = sri(await get(file));
    assert.ok(snippet.includes(`/bogen/${file}" integrity="${hash}"`), `the snippet pins ${file}`);
  }
  assert.match(snippet, /<bogen-form form="[a-z]+" lang="de"/);
  const script = (await get('bogen.js')).toString('utf8');
  for (const file of ['bogen_web_bg.wasm', 'bogen.css']) {
    assert.ok(script.includes(`"${file}":"${sri(await get(file))}"`), `bogen.js checks ${file}`);
  }
  const index = (await get('index.html')).toString('utf8');
  assert.ok(index.includes(`href="bogen.js" integrity="${sri(await get('bogen.js'))}"`), 'the portal pins bogen.js');
}));
