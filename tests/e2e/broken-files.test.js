// Loading a file that is no record of this form says why in German and leaves everything on
// screen as it was: what was typed stays in the inputs and in the data.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { FORMS, leaves, segments, ui } from './forms.js';
import { assertOnScreen, enter, jsonFile, load, openForm, save, status, summary, waitForStatus } from './portal.js';

const withPage = usePages();

for (const [index, f] of FORMS.entries()) {
  const other = FORMS[(index + 1) % FORMS.length];

  test(`${f.id}: a broken file is refused with a German message and changes nothing`, withPage(async (page) => {
    // A record of another form, saved there as a case manager would.
    const otherPage = await page.context().newPage();
    await openForm(otherPage, other);
    const foreign = await save(otherPage);
    await otherPage.close();

    await openForm(page, f);
    await enter(page, f, f.minimal);
    const typed = await save(page);

    // The participant's name changed by hand, the digest left as it was.
    const altered = structuredClone(typed.record);
    const [pointer] = leaves(altered.data).find(([p]) => p.endsWith('/name'));
    const parts = segments(pointer);
    parts.slice(0, -1).reduce((node, key) => node[key], altered.data)[parts.at(-1)] = 'Mustermann';
    const newer = { ...typed.record, formatVersion: 2 };

    const cases = [
      ['no JSON', jsonFile('notiz.json', 'Termin am Dienstag, Unterlagen mitbringen'), ui('record.json')],
      ['a cut-off file', jsonFile(typed.name, typed.text.slice(0, typed.text.length / 2)), ui('record.json')],
      ['JSON but no record', jsonFile('daten.json', JSON.stringify(f.minimal)), ui('record.format', { found: '' })],
      [
        'a record of another form',
        jsonFile(foreign.name, foreign.text),
        ui('record.otherForm', { found: other.id, expected: f.id }),
      ],
      ['a record whose data was altered', jsonFile(typed.name, JSON.stringify(altered, null, 2)), ui('record.digest')],
      ['a record of a newer format', jsonFile(typed.name, JSON.stringify(newer)), ui('record.newerFormat', { found: 2 })],
    ];
    for (const [what, file, message] of cases) {
      await load(page, file);
      await waitForStatus(page, message);
      assert.equal(
        await status(page).locator('.bogen-status__text--error').count(),
        1,
        `the message for ${what} is shown as an error`,
      );
      assert.equal(await summary(page).count(), 0, `${what}: no error summary appears`);
      assert.equal(await page.locator('.bogen-form [aria-invalid=true]').count(), 0, `${what}: no field turns invalid`);
      await assertOnScreen(page, f, f.minimal);
    }

    const after = await save(page);
    assert.equal(JSON.stringify(after.record.data), JSON.stringify(typed.record.data), 'the data is unchanged');
  }));
}
