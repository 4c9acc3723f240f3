// Working with a form in the demo portal as a case manager does: pick it, type, tick, add list
// items, submit, save and load files. Inputs are found by the id Bogen derives from the JSON
// pointer of their value (`<prefix>-ziele-0-ziel` for `/ziele/0/ziel`, other characters than
// ASCII letters and digits as `_<hex>`), the same id error links point at.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { BASE } from './browser.js';
import { germanDate, hidden, join, leaves, schemaAt, segments, ui } from './forms.js';

/** Collects what the form hands the page (submitted and saved records), from the first script on. */
export function recordEvents() {
  window.bogenEvents = { submitted: [], saved: [] };
  document.addEventListener('bogen-submit', (e) => window.bogenEvents.submitted.push(e.detail.record));
  document.addEventListener('bogen-save', (e) => window.bogenEvents.saved.push(e.detail.record));
}

const prepared = new WeakSet();

/** Opens the portal and picks the form `f` in its form picker; waits for the form's title. */
export async function openForm(page, f) {
  if (!prepared.has(page)) {
    await page.addInitScript(recordEvents);
    prepared.add(page);
  }
  await page.goto(BASE);
  const picker = page.getByRole('navigation', { name: 'Formular wählen' });
  await picker.locator(`a[data-form="${f.id}"]`).click();
  await page.waitForURL((url) => url.searchParams.get('form') === f.id);
  await waitForForm(page, f);
}

/** Waits until the form `f` is on screen (after opening or reloading). */
export async function waitForForm(page, f) {
  await page.getByRole('heading', { level: 1, name: f.title, exact: true }).waitFor();
  await settled(page);
}

/**
 * Waits until every `<bogen-form>` on the page is ready: its form takes input as soon as it is
 * painted, but the validator module, a kept draft and the Träger profile come after that.
 */
export async function settled(page) {
  await page.evaluate(() => Promise.all([...document.querySelectorAll('bogen-form')].map((e) => e.ready.then(() => true))));
}

/** The id prefix of the form on the page (its title is `<prefix>--title`). */
export async function prefix(page) {
  const id = await page.locator('h1.bogen-title').getAttribute('id');
  assert.match(id, /^[a-z0-9]+--title$/, 'the form title has the id <prefix>--title');
  return id.slice(0, -'--title'.length);
}

/** The element id of the value at `pointer`. */
export function fieldId(pre, pointer) {
  let id = pre;
  for (const segment of segments(pointer)) {
    id += '-';
    for (const c of segment) {
      id += /^[A-Za-z0-9]$/.test(c) ? c : `_${c.codePointAt(0).toString(16)}`;
    }
  }
  return id;
}

/** The element that takes focus for the value at `pointer`. */
export async function field(page, pointer) {
  return page.locator(`[id="${fieldId(await prefix(page), pointer)}"]`);
}

/** The control of the value at `pointer`, in the form whose ids start with `pre`. */
function control(page, pre, pointer) {
  return page.locator(`[id="${fieldId(pre, pointer)}"]`);
}

/** What kind of control holds the value at `pointer`. */
async function controlKind(page, pre, pointer) {
  const c = control(page, pre, pointer);
  assert.equal(await c.count(), 1, `one control for ${pointer}`);
  return c.evaluate((e) => {
    if (e.tagName === 'BUTTON') return 'list';
    if (e.tagName === 'SELECT') return 'select';
    if (e.type === 'radio') return 'radio';
    if (e.type === 'checkbox') return e.name ? 'checkboxes' : 'checkbox';
    return 'text';
  });
}

/** What a person types for a value: dates as TT.MM.JJJJ, numbers with a decimal comma. */
function typed(f, pointer, value) {
  const schema = schemaAt(f.schema, pointer);
  if (schema.format === 'date') {
    return germanDate(value);
  }
  if (typeof value === 'number') {
    return String(value).replace('.', ',');
  }
  return String(value);
}

/** Types `text` into the input of `pointer` key by key, replacing what it held. */
export async function typeInto(page, pointer, text) {
  const input = await field(page, pointer);
  await input.click();
  await input.press('Control+A');
  await input.press('Delete');
  await input.pressSequentially(text);
}

/**
 * Enters `data` (a form's example) as a person would: types text and dates, picks options,
 * ticks boxes and adds list items with the list's add button. Hidden fields are left alone.
 */
export async function enter(page, f, data) {
  await enterAt(page, await prefix(page), f, data, '');
}

async function enterAt(page, pre, f, data, pointer) {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) {
      await enterAt(page, pre, f, value, join(pointer, key));
    }
    return;
  }
  if (hidden(f, pointer)) {
    return;
  }
  const c = control(page, pre, pointer);
  const option = (type, value) => page.locator(`input[type=${type}][name="${fieldId(pre, pointer)}"][value="${value}"]`);
  switch (await controlKind(page, pre, pointer)) {
    case 'list':
      for (let i = 0; i < data.length; i++) {
        const item = control(page, pre, join(pointer, i));
        if (!(await item.count())) {
          await c.click();
          await item.waitFor();
        }
        await enterAt(page, pre, f, data[i], join(pointer, i));
      }
      break;
    case 'select':
      await c.selectOption(String(data));
      break;
    case 'radio':
      await option('radio', data).check();
      break;
    case 'checkboxes':
      for (const code of data) {
        await option('checkbox', code).check();
      }
      break;
    case 'checkbox':
      await c.setChecked(Boolean(data));
      break;
    default:
      if (schemaAt(f.schema, pointer).format === 'date') {
        await c.click();
        await c.press('Control+A');
        await c.pressSequentially(typed(f, pointer, data));
      } else {
        await c.fill(typed(f, pointer, data));
      }
  }
}

/** Asserts that the screen shows `data`: every value in its input, as people read it. */
export async function assertOnScreen(page, f, data) {
  const pre = await prefix(page);
  for (const [pointer, value] of leaves(data).filter(([p]) => !hidden(f, p))) {
    const name = fieldId(pre, pointer);
    const kind = await controlKind(page, pre, pointer);
    const shown = await control(page, pre, pointer).evaluate(
      (e, [kind, name]) => {
        const group = (type) => [...e.getRootNode().querySelectorAll(`input[type=${type}]`)].filter((i) => i.name === name);
        switch (kind) {
          case 'radio':
            return group('radio').find((i) => i.checked)?.value ?? null;
          case 'checkboxes':
            return group('checkbox').filter((i) => i.checked).map((i) => i.value);
          case 'checkbox':
            return e.checked;
          default:
            return e.value;
        }
      },
      [kind, name],
    );
    const expected = kind === 'text' ? typed(f, pointer, value) : value;
    assert.deepEqual(shown, expected, `the screen shows ${JSON.stringify(expected)} for ${pointer}`);
  }
}

/** The submit button. */
export function submitButton(page) {
  return page.getByRole('button', { name: ui('submit'), exact: true });
}

/** The error summary. */
export function summary(page) {
  return page.locator('.bogen-error-summary');
}

/** Records the form handed over with `bogen-submit` so far. */
export async function submitted(page) {
  return page.evaluate(() => window.bogenEvents.submitted);
}

/** Submits data that should be valid; returns the record the form hands to the page. */
export async function submitValid(page) {
  const before = (await submitted(page)).length;
  await submitButton(page).click();
  await page.waitForFunction((n) => window.bogenEvents.submitted.length > n, before, { timeout: 5000 }).catch(() => {});
  const records = await submitted(page);
  const shown = await summary(page).isVisible() ? await summary(page).innerText() : '';
  assert.equal(records.length, before + 1, `bogen-submit fires once (error summary: ${shown || 'none'})`);
  assert.equal(await summary(page).count(), 0, 'no error summary after a valid submit');
  return records.at(-1);
}

/** Clicks "JSON speichern" and returns the downloaded file: name, text and parsed record. */
export async function save(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: ui('save'), exact: true }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text, record: JSON.parse(text) };
}

/** Clicks "JSON laden" and picks `file` ({name, mimeType, buffer}) in the file chooser. */
export async function load(page, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: ui('load'), exact: true }).click(),
  ]);
  await chooser.setFiles(file);
}

/** A file to load, from text. */
export function jsonFile(name, text) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') };
}

/** The form's status region (what became of loading, saving, submitting). */
export function status(page) {
  return page.locator('.bogen [role=status].bogen-status');
}

/** Waits until the status region says `text`; fails naming what it says instead. */
export async function waitForStatus(page, text) {
  const region = status(page);
  await page
    .waitForFunction(([el, t]) => el.textContent.trim() === t, [await region.elementHandle(), text], { timeout: 5000 })
    .catch(() => {});
  assert.equal((await region.textContent()).trim(), text);
}
