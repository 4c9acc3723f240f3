// Screenshots for the documentation, written to `docs/screenshots/<name>.png` only with
// BOGEN_SCREENSHOTS=1; without it a test still checks that the page shows something.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ROOT } from './forms.js';
import { shrink } from './png.js';

const WRITE = process.env.BOGEN_SCREENSHOTS === '1';
const DIR = join(ROOT, 'docs/screenshots');
const LIMIT = 400 * 1024;

/**
 * A picture of `page` as `<name>.png`, from the top, without focus ring or caret: the whole
 * page, or with `{ fullPage: false }` the first screen.
 */
export async function shoot(page, name, { fullPage = true } = {}) {
  // From the top, with no focus ring, caret or hover in the picture. List items off screen
  // skip painting (content-visibility: auto); a picture of the whole page needs them painted.
  // Forms inside <bogen-form> are in shadow roots, which querySelectorAll does not enter.
  await page.evaluate(() => {
    const trees = [document, ...[...document.querySelectorAll('bogen-form')].map((f) => f.shadowRoot)];
    for (const tree of trees.filter(Boolean)) {
      for (const e of tree.querySelectorAll('*')) {
        if (getComputedStyle(e).contentVisibility === 'auto') {
          e.style.contentVisibility = 'visible';
        }
      }
    }
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) {
      active = active.shadowRoot.activeElement;
    }
    active?.blur();
    window.scrollTo(0, 0);
  });
  await page.mouse.move(0, 0);
  const image = await page.screenshot({ fullPage, animations: 'disabled', caret: 'hide' });
  assert.ok(image.length > 10_000, `${name} shows something`);
  if (WRITE) {
    const small = shrink(image, LIMIT);
    await mkdir(DIR, { recursive: true });
    await writeFile(join(DIR, `${name}.png`), small);
    assert.ok(small.length <= LIMIT, `${name}.png has ${small.length} bytes, more than ${LIMIT}`);
  }
}
