// Signing on the pad: drawing with mouse and finger (synthetic pointer and touch input), undo,
// clear, a resized window, a dot refused, the typed alternative by keyboard, the strokes
// surviving a saved and loaded record, and a change after signing shown as not covered.
// With BOGEN_SCREENSHOTS=1 the pad with a signature is written to docs/screenshots/unterschrift.png.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

import { wcag21 } from './axe.js';
import { usePages } from './browser.js';
import { ROOT, digest, form, ui } from './forms.js';
import { enter, jsonFile, load, openForm, save, status, typeInto, waitForForm, waitForStatus } from './portal.js';
import { activeElement, formRoot, isFocused } from './shadow.js';

const withPage = usePages();
const hilfeplan = form('hilfeplan');
const datenschutz = form('datenschutz');

/** The fieldset of the signature of `role`. */
function slot(page, role) {
  return page.getByRole('group', { name: ui('signature.legend', { role: ui(`signature.role.${role}`) }), exact: true });
}

function button(scope, key) {
  return scope.getByRole('button', { name: ui(key), exact: true });
}

/** Collects `bogen-signed` details. */
async function listenForSignatures(page) {
  await page.evaluate(() => {
    window.signed = [];
    window.pointerTypes = new Set();
    document.addEventListener('bogen-signed', (e) => window.signed.push(e.detail));
    document.addEventListener('pointerdown', (e) => window.pointerTypes.add(e.pointerType), true);
  });
}

/** Number of painted pixels of a canvas. */
function inked(canvas) {
  return canvas.evaluate((c) => {
    const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < pixels.length; i += 4) {
      n += pixels[i] > 0 ? 1 : 0;
    }
    return n;
  });
}

/** A handwriting-like wave across the pad, as fractions of its size. */
function wave(from, to, phase = 0) {
  const points = [];
  for (let i = 0; i <= 24; i++) {
    const f = i / 24;
    points.push([from + (to - from) * f, 0.5 + 0.25 * Math.sin(f * 4 * Math.PI + phase)]);
  }
  return points;
}

async function drawWithMouse(page, canvas, strokes) {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const at = ([fx, fy]) => [box.x + fx * box.width, box.y + fy * box.height];
  for (const stroke of strokes) {
    await page.mouse.move(...at(stroke[0]));
    await page.mouse.down();
    for (const point of stroke.slice(1)) {
      await page.mouse.move(...at(point), { steps: 2 });
    }
    await page.mouse.up();
  }
}

/** Draws with one finger through the DevTools protocol; `second` keeps another finger down meanwhile. */
async function drawWithFinger(page, canvas, stroke, second) {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const at = ([fx, fy], id) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height, id });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await touch('touchStart', [at(stroke[0], 1)]);
  const others = second ? [at(second, 2)] : [];
  if (second) {
    await touch('touchStart', [at(stroke[0], 1), ...others]);
  }
  for (const [i, point] of stroke.slice(1).entries()) {
    const moved = second ? [at([second[0] - i * 0.004, second[1]], 2)] : [];
    await touch('touchMove', [at(point, 1), ...moved]);
  }
  await touch('touchEnd', []);
  await cdp.detach();
}

async function sign(page, scope, count) {
  await button(scope, 'signature.sign').click();
  await page.waitForFunction((n) => window.signed.length === n, count);
  return page.evaluate(() => window.signed.at(-1));
}

test('hilfeplan: drawn with the mouse, undo, clear, resize, a dot refused; strokes survive save and load', withPage(async (page) => {
  await openForm(page, hilfeplan);
  await listenForSignatures(page);
  await enter(page, hilfeplan, hilfeplan.minimal);
  const participant = slot(page, 'teilnehmende');
  const canvas = participant.locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  assert.equal(await canvas.evaluate((c) => getComputedStyle(c).touchAction), 'none', 'the page does not scroll or zoom while drawing');
  assert.equal(
    await participant.getByLabel(ui('signature.name'), { exact: true }).inputValue(),
    'Hodan Warsame',
    'the name comes from the form',
  );

  await drawWithMouse(page, canvas, [[[0.5, 0.5], [0.505, 0.5]]]);
  assert.ok((await inked(canvas)) > 0, 'the dot is painted');
  await button(participant, 'signature.sign').click();
  await participant.getByText(ui('signature.error.tooLittle')).waitFor();
  assert.equal(await page.evaluate(() => window.signed.length), 0, 'a dot is no signature');
  await button(participant, 'signature.clear').click();
  assert.equal(await inked(canvas), 0, 'Löschen empties the pad');
  assert.ok(await button(participant, 'signature.undo').isDisabled(), 'nothing to undo on an empty pad');
  await button(participant, 'signature.sign').click();
  await participant.getByText(ui('signature.error.empty')).waitFor();

  await drawWithMouse(page, canvas, [wave(0.1, 0.55), wave(0.5, 0.9, 1), [[0.2, 0.8], [0.7, 0.75]]]);
  const three = await inked(canvas);
  await button(participant, 'signature.undo').click();
  const two = await inked(canvas);
  assert.ok(two > 0 && two < three, `Rückgängig takes the last stroke away (${three} → ${two} pixels)`);

  const before = await canvas.boundingBox();
  await page.setViewportSize({ width: 520, height: 900 });
  const root = await formRoot(page);
  await page.waitForFunction(([r, w]) => r.querySelector('.bogen-signature__canvas').getBoundingClientRect().width < w, [root, before.width]);
  await page.waitForFunction((r) => {
    const c = r.querySelector('.bogen-signature__canvas');
    return Math.abs(c.width - Math.round(c.getBoundingClientRect().width * devicePixelRatio)) <= 1;
  }, root);
  const narrow = await inked(canvas);
  assert.ok(narrow > two * 0.3, `the drawing is painted again at the new size (${two} → ${narrow} pixels)`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForFunction(([r, w]) => r.querySelector('.bogen-signature__canvas').getBoundingClientRect().width >= w - 1, [root, before.width]);
  await shoot(participant, 'unterschrift');

  const detail = await sign(page, participant, 1);
  assert.equal(detail.role, 'teilnehmende', 'bogen-signed names the role');
  const [signature] = detail.record.signatures;
  assert.equal(signature.mark.method, 'drawn');
  assert.equal(signature.mark.strokes.length, 2, 'two strokes are left after undo');
  assert.ok(signature.mark.strokes.every((s) => s.length >= 10), 'strokes are points, not a bitmap');
  assert.ok(signature.mark.strokes.flat().every((p) => ['x', 'y', 't'].every((k) => Number.isFinite(p[k]))));
  assert.ok(signature.mark.strokes[0].at(-1).t > 0, 'points carry their time');
  assert.equal(signature.name, 'Hodan Warsame');
  assert.equal(signature.dataHash, digest(detail.record.data), 'the signature covers the data as it was');
  assert.ok(!('textVersion' in signature), 'the Hilfeplan has no consent text version');
  await participant.getByText(ui('signature.stale')).waitFor({ state: 'detached' });

  const manager = slot(page, 'casemanagement');
  const loop = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((i) => [0.15 + i * 0.05, 0.5 - 0.3 * Math.sin(i * 1.2)]);
  await drawWithMouse(page, manager.locator('canvas'), [loop, [[0.3, 0.85], [0.55, 0.8], [0.75, 0.82]]]);
  const second = await sign(page, manager, 2);
  assert.deepEqual(second.record.signatures.map((s) => s.role), ['teilnehmende', 'casemanagement']);

  const file = await save(page);
  assert.deepEqual(file.record.signatures, second.record.signatures, 'the saved file holds both signatures');
  if (process.env.BOGEN_WRITE_FIXTURES === '1') {
    // The PDF tests draw this record's strokes (crates/bogen-pdf/tests/signatures.rs).
    await writeFile(join(ROOT, 'crates/bogen-pdf/tests/fixtures/hilfeplan-signed.json'), file.text);
  }
  await page.reload();
  await waitForForm(page, hilfeplan);
  await load(page, jsonFile(file.name, file.text));
  await waitForStatus(page, ui('record.loaded', { file: file.name }));
  const shown = slot(page, 'teilnehmende').locator('canvas');
  await page.waitForFunction((r) => {
    const c = r.querySelector('.bogen-signature__canvas');
    return c && c.width > 0;
  }, await formRoot(page));
  assert.ok((await inked(shown)) > 0, 'the loaded signature is shown');
  const again = await save(page);
  assert.deepEqual(
    again.record.signatures[0].mark.strokes,
    signature.mark.strokes,
    'every point survives the JSON file',
  );

  await typeInto(page, '/stammdaten/vorname', 'Hoda');
  await slot(page, 'teilnehmende').getByText(ui('signature.stale')).waitFor();
  const both = `${ui('signature.role.teilnehmende')}, ${ui('signature.role.casemanagement')}`;
  await waitForStatus(page, ui('signature.status.stale', { role: both }));
  await shoot(page.locator('.bogen-signatures'), 'unterschrift-geaendert');
  await button(slot(page, 'teilnehmende'), 'signature.again').click();
  await slot(page, 'teilnehmende').locator('canvas').waitFor();
  assert.equal(await inked(slot(page, 'teilnehmende').locator('canvas')), 0, 'signing again starts from an empty pad');
  const left = (await save(page)).record.signatures.map((s) => s.role);
  assert.deepEqual(left, ['casemanagement'], 'the other signature stays (still marked as not covering the data)');
}));

test('hilfeplan: drawn with a finger; a second finger does not draw', withPage(async (page) => {
  await openForm(page, hilfeplan);
  await listenForSignatures(page);
  const manager = slot(page, 'casemanagement');
  await manager.getByLabel(ui('signature.name'), { exact: true }).fill('Sebastian Krüger');
  const canvas = manager.locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  await drawWithFinger(page, canvas, wave(0.05, 0.6), [0.9, 0.9]);
  await drawWithFinger(page, canvas, wave(0.3, 0.65, 2));
  assert.deepEqual(await page.evaluate(() => [...window.pointerTypes]), ['touch'], 'the input came as touch pointers');
  const { record } = await sign(page, manager, 1);
  const [signature] = record.signatures;
  assert.equal(signature.role, 'casemanagement');
  assert.equal(signature.mark.strokes.length, 2, 'one stroke per finger down; the second finger made none');
  const xs = signature.mark.strokes.flat().map((p) => p.x / signature.mark.width);
  assert.ok(Math.max(...xs) < 0.7, `no point from the second finger (rightmost at ${Math.max(...xs).toFixed(2)} of the width)`);
}));

test('datenschutz: the typed alternative by keyboard, with the pad on screen free of WCAG violations', withPage(async (page, t) => {
  await openForm(page, datenschutz);
  await listenForSignatures(page);
  const participant = slot(page, 'teilnehmende');
  await participant.locator('canvas').scrollIntoViewIfNeeded();
  const results = await wcag21(page).analyze();
  t.diagnostic(`axe: ${results.passes.length} rules passed`);
  assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), [], 'no violations');

  await participant.getByLabel(ui('signature.name'), { exact: true }).focus();
  await page.keyboard.type('Amal Haddad');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Mettmann');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  const typed = participant.getByLabel(ui('signature.typedName'), { exact: true });
  await typed.waitFor();
  assert.ok(await participant.getByLabel(ui('signature.method.typed')).isChecked(), 'the arrow key chose typing');
  await page.keyboard.press('Tab');
  assert.ok(await isFocused(typed), 'the typed name comes next in focus order');
  await page.keyboard.type('Amal Haddad');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await participant.getByText(ui('signature.error.confirm')).waitFor();
  const confirm = participant.getByLabel(ui('signature.confirm'), { exact: true });
  assert.ok(await isFocused(confirm), 'the message leads to the unticked box');
  assert.equal(await confirm.getAttribute('aria-invalid'), 'true');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.signed.length === 1);
  const { record } = await page.evaluate(() => window.signed[0]);
  const [signature] = record.signatures;
  assert.deepEqual(signature.mark, { method: 'typed', typedName: 'Amal Haddad', confirmed: true });
  assert.equal(signature.place, 'Mettmann');
  assert.equal(signature.textVersion, datenschutz.schema.properties.erklaerungVersion.default, 'the consent text version');
  await participant.getByText('Amal Haddad', { exact: true }).waitFor();
  const after = await wcag21(page).analyze();
  assert.deepEqual(after.violations.map((v) => v.id), [], 'no violations once signed');
}));

test('datenschutz: a record whose signature does not cover its data loads with a notice', withPage(async (page) => {
  await openForm(page, datenschutz);
  await listenForSignatures(page);
  const participant = slot(page, 'teilnehmende');
  await participant.getByLabel(ui('signature.name'), { exact: true }).fill('Amal Haddad');
  await participant.getByLabel(ui('signature.method.typed')).check();
  await participant.getByLabel(ui('signature.typedName'), { exact: true }).fill('Amal Haddad');
  await participant.getByLabel(ui('signature.confirm'), { exact: true }).check();
  const { record } = await sign(page, participant, 1);
  const changed = structuredClone(record);
  changed.data.teilnehmende = { ...changed.data.teilnehmende, name: 'Haddad-Nasser' };
  changed.dataHash = digest(changed.data);
  await load(page, jsonFile('geaendert.json', JSON.stringify(changed)));
  const notice = ui('record.notice.signatureStale', { role: ui('signature.role.teilnehmende') });
  await waitForStatus(page, `${ui('record.loaded', { file: 'geaendert.json' })} ${notice}`);
  await slot(page, 'teilnehmende').getByText(ui('signature.stale')).waitFor();
  assert.match(await status(page).textContent(), /deckt die geladenen Angaben nicht ab/);
}));

async function shoot(locator, name) {
  await (await activeElement(locator.page())).evaluate((e) => e?.blur());
  const image = await locator.screenshot({ animations: 'disabled', caret: 'hide' });
  assert.ok(image.length > 5_000, `${name} shows something`);
  if (process.env.BOGEN_SCREENSHOTS === '1') {
    const dir = join(ROOT, 'docs/screenshots');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${name}.png`), image);
  }
}
