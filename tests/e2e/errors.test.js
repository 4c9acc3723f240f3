// Submitting an empty form: the error summary at the top lists what is missing, each entry
// leads to its field, and each field carries its message (GOV.UK error pattern).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { FORMS, ui } from './forms.js';
import { openForm, submitButton, submitted, summary } from './portal.js';
import { activeElement, isFocused } from './shadow.js';

const withPage = usePages();

for (const f of FORMS) {
  test(`${f.id}: submitting it empty shows the error summary, whose links lead to the fields`, withPage(async (page, t) => {
    await openForm(page, f);
    await submitButton(page).click();

    const box = summary(page);
    await box.waitFor();
    assert.equal(await box.getAttribute('role'), 'alert');
    assert.equal((await box.getByRole('heading').textContent()).trim(), ui('summary.title'));
    assert.ok(await isFocused(box), 'the summary takes focus');
    const atTop = await box.evaluate((e) => {
      const form = e.closest('.bogen').querySelector('form');
      return Boolean(e.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(atTop, 'the summary comes before the form fields');
    assert.deepEqual(await submitted(page), [], 'nothing is submitted');

    const links = box.getByRole('listitem').getByRole('link');
    const count = await links.count();
    assert.ok(count > 0, 'the summary lists entries');
    t.diagnostic(`${count} entries: ${(await links.allTextContents()).join(' | ')}`);
    assert.equal(await box.getByRole('listitem').count(), count, 'every entry is a link');
    assert.equal(
      await page.locator('.bogen-form .bogen-error-message').count(),
      count,
      'each message in the form has one summary entry',
    );

    for (let i = 0; i < count; i++) {
      const link = links.nth(i);
      const text = (await link.textContent()).trim();
      const href = await link.getAttribute('href');
      assert.match(href, /^#./, `entry "${text}" links to a fragment`);
      const id = href.slice(1);

      // The named field is marked invalid and its message is in its description.
      const inline = await page.locator(`[id="${id}"]`).evaluate((target) => {
        const describers = [target, target.closest('fieldset')].filter(Boolean);
        const ids = describers.flatMap((e) => (e.getAttribute('aria-describedby') ?? '').split(/\s+/));
        const messages = ids.map((i) => target.getRootNode().getElementById(i)).filter((m) => m?.matches('.bogen-error-message'));
        return {
          invalid: target.getAttribute('aria-invalid'),
          messages: messages.map((m) => m.textContent.trim()),
        };
      });
      assert.equal(inline.invalid, 'true', `${id} has aria-invalid="true"`);
      assert.equal(inline.messages.length, 1, `${id} is described by one error message`);
      const shown = inline.messages[0].replace(`${ui('errorPrefix')} `, '');
      assert.ok(text.endsWith(shown), `summary entry "${text}" says what the field says: "${shown}"`);

      await link.click();
      const focused = await (await activeElement(page)).evaluate((e) => e?.id);
      assert.equal(focused, id, `clicking "${text}" focuses its field`);
    }
  }));
}
