// "JSON speichern" saves a record file; after a reload, "JSON laden" with that file brings
// back the same data, on screen and in the record.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { FORMS, asEntered, digest, ui, withoutEmptyGroups } from './forms.js';
import {
  assertOnScreen, enter, jsonFile, load, openForm, save, submitValid, waitForForm, waitForStatus,
} from './portal.js';

const withPage = usePages();

for (const f of FORMS) {
  test(`${f.id}: every field of the full example survives saving and loading the file`, withPage(async (page) => {
    await openForm(page, f);
    await enter(page, f, f.full);
    const before = await submitValid(page);
    assert.deepEqual(withoutEmptyGroups(before.data), asEntered(f.full), 'the example was entered completely');

    const file = await save(page);
    assert.match(file.name, new RegExp(`^${f.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`), 'the file is named after the form and day');
    assert.equal(file.record.format, 'bogen-record');
    assert.equal(file.record.formatVersion, 1);
    assert.equal(file.record.form.id, f.id);
    assert.match(file.record.dataHash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(file.record.dataHash, digest(file.record.data), 'the digest is SHA-256 over the canonical data');
    assert.equal(JSON.stringify(file.record.data), JSON.stringify(before.data), 'the file holds the data as submitted');
    await waitForStatus(page, ui('save.done', { file: file.name }));
    const [saved] = await page.evaluate(() => window.bogenEvents.saved);
    assert.deepEqual(saved, file.record, 'bogen-save hands the page the record of the file');

    await page.reload();
    await waitForForm(page, f);
    await load(page, jsonFile(file.name, file.text));
    await waitForStatus(page, ui('record.loaded', { file: file.name }));
    await assertOnScreen(page, f, f.full);

    const after = await submitValid(page);
    assert.equal(JSON.stringify(after.data), JSON.stringify(file.record.data), 'the loaded data is byte-equal');
    assert.equal(after.created, file.record.created, 'the record keeps when it was first saved');
  }));
}
