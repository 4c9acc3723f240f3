// A date that does not exist ("31.02.2026") stays as typed, on screen and in the data, and its
// message shows once the person leaves the field. Nothing typed is lost.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { FORMS, germanDate, leaves, message, schemaAt, ui } from './forms.js';
import {
  field, jsonFile, load, openForm, save, submitButton, submitted, summary, typeInto, waitForForm, waitForStatus,
} from './portal.js';

const withPage = usePages();

const WRONG = '31.02.2026';

/** The message shown at an input, read through its aria-describedby. */
async function describedError(input) {
  return input.evaluate((e) => {
    const ids = (e.getAttribute('aria-describedby') ?? '').split(/\s+/);
    const error = ids.map((i) => e.getRootNode().getElementById(i)).find((m) => m?.matches('.bogen-error-message'));
    return error ? error.lastChild.textContent.trim() : null;
  });
}

for (const f of FORMS) {
  const [pointer, iso] = leaves(f.minimal).find(([p]) => schemaAt(f.schema, p).format === 'date');
  const plainText = ([p, v]) => typeof v === 'string' && !schemaAt(f.schema, p).format && !schemaAt(f.schema, p).enum;
  const [textPointer, text] = leaves(f.minimal).find(plainText);

  test(`${f.id}: an impossible date stays as typed and is named after leaving the field`, withPage(async (page) => {
    await openForm(page, f);
    const input = await field(page, pointer);
    const expected = message(f, pointer, 'format.date');

    await typeInto(page, pointer, WRONG);
    assert.equal(await input.getAttribute('aria-invalid'), null, 'no message while the person is typing');
    await input.press('Tab');
    assert.equal(await input.inputValue(), WRONG, 'the typed text stays in the input');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.equal(await describedError(input), expected);

    await typeInto(page, textPointer, text);
    assert.equal(await input.inputValue(), WRONG, 'typing elsewhere keeps the date');

    const file = await save(page);
    const stored = leaves(file.record.data).find(([p]) => p === pointer)?.[1];
    assert.equal(stored, WRONG, 'the data holds the date as typed');

    await submitButton(page).click();
    await summary(page).waitFor();
    assert.ok((await summary(page).innerText()).includes(expected), 'the summary names the date');
    assert.deepEqual(await submitted(page), [], 'nothing is submitted');

    // Saved and loaded again, the wrong date is still there to be corrected.
    await page.reload();
    await waitForForm(page, f);
    await load(page, jsonFile(file.name, file.text));
    await waitForStatus(page, ui('record.loaded', { file: file.name }));
    assert.equal(await (await field(page, pointer)).inputValue(), WRONG, 'the loaded file shows the date as typed');

    // Corrected, the message goes and the data holds the ISO date.
    const corrected = await field(page, pointer);
    await typeInto(page, pointer, germanDate(iso));
    await corrected.press('Tab');
    assert.equal(await corrected.getAttribute('aria-invalid'), null);
    assert.equal(await describedError(corrected), null);
    const again = await save(page);
    assert.equal(leaves(again.record.data).find(([p]) => p === pointer)?.[1], iso);
  }));
}
