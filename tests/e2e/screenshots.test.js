// Screenshots of each form for the documentation: `docs/screenshots/<form>.png` (filled in with
// the minimal example) and `<form>-fehler.png` (after an empty submit), full page at 1280×900.
// They are written only with BOGEN_SCREENSHOTS=1; otherwise this checks that both states render.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { FORMS, ROOT } from './forms.js';
import { shrink } from './png.js';
import { enter, openForm, submitButton, summary } from './portal.js';

const withPage = usePages();
const WRITE = process.env.BOGEN_SCREENSHOTS === '1';
const DIR = join(ROOT, 'docs/screenshots');
const LIMIT = 400 * 1024;

async function shoot(page, name) {
  // From the top, with no focus ring, caret or hover in the picture. List items off screen
  // skip painting (content-visibility: auto); a picture of the whole page needs them painted.
  await page.evaluate(() => {
    for (const e of document.querySelectorAll('*')) {
      if (getComputedStyle(e).contentVisibility === 'auto') {
        e.style.contentVisibility = 'visible';
      }
    }
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  await page.mouse.move(0, 0);
  const image = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
  assert.ok(image.length > 10_000, `${name} shows something`);
  if (WRITE) {
    const small = shrink(image, LIMIT);
    await mkdir(DIR, { recursive: true });
    await writeFile(join(DIR, `${name}.png`), small);
    assert.ok(small.length <= LIMIT, `${name}.png has ${small.length} bytes, more than ${LIMIT}`);
  }
}

for (const f of FORMS) {
  test(`${f.id}: screenshots of the form filled in and with errors`, withPage(async (page) => {
    await openForm(page, f);
    await submitButton(page).click();
    await summary(page).waitFor();
    await shoot(page, `${f.id}-fehler`);

    await page.reload();
    await openForm(page, f);
    await enter(page, f, f.minimal);
    assert.equal(await summary(page).count(), 0);
    await shoot(page, f.id);
  }));
}
