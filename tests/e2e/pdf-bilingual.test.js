// A bilingual PDF in the browser: a Datenschutzerklärung filled in Arabic becomes German and
// Arabic, byte for byte what `bogen pdf` makes of the same record, and the Arabic fonts come
// only with it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { FORMS, ROOT, ui } from './forms.js';
import { jsonFile, load, openForm, save, waitForStatus } from './portal.js';

if (!process.env.BOGEN_CLI) {
  throw new Error('BOGEN_CLI must name the bogen binary (cargo xtask test builds it at target/debug/bogen)');
}
const CLI = process.env.BOGEN_CLI;

const withPage = usePages();
const datenschutz = FORMS.find((f) => f.id === 'datenschutz');
const isArabicFont = (url) => /\/fonts\/NotoNaskhArabic-(Regular|Bold)\.ttf$/.test(new URL(url).pathname);

test('datenschutz in Arabic: the browser\'s bilingual PDF is the command line\'s', withPage(async (page) => {
  const dir = await mkdtemp(joinPath(tmpdir(), 'bogen-pdf-ar-'));
  try {
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await openForm(page, datenschutz);
    const made = joinPath(dir, 'made.json');
    const example = joinPath(ROOT, 'forms/datenschutz/examples/full.json');
    execFileSync(CLI, ['--lang', 'ar', 'record', '--form', 'datenschutz', example, '-o', made]);
    await load(page, jsonFile('datenschutz.json', await readFile(made, 'utf8')));
    await waitForStatus(page, ui('record.loaded', { file: 'datenschutz.json' }));
    assert.deepEqual(requests.filter(isArabicFont), [], 'no Arabic font before a PDF is asked for');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: ui('pdf'), exact: true }).click(),
    ]);
    const bytes = await readFile(await download.path());
    await waitForStatus(page, ui('pdf.done', { file: download.suggestedFilename() }));
    assert.equal(requests.filter(isArabicFont).length, 2, 'both Arabic fonts were fetched for the Arabic record');

    const saved = await save(page);
    assert.equal(saved.record.lang, 'ar', 'the record keeps its language');
    const record = joinPath(dir, 'saved.json');
    await writeFile(record, saved.text);
    const cliPdf = joinPath(dir, 'cli.pdf');
    execFileSync(CLI, ['pdf', record, '-o', cliPdf]);
    const expected = await readFile(cliPdf);
    assert.ok(bytes.equals(expected), `the browser's PDF (${bytes.length} B) differs from bogen pdf's (${expected.length} B)`);

    const browserPdf = joinPath(dir, 'browser.pdf');
    await writeFile(browserPdf, bytes);
    const text = execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', browserPdf], { encoding: 'utf8' });
    const arabic = JSON.parse(await readFile(joinPath(ROOT, 'forms/common/i18n/ar.json'), 'utf8')).ui['pdf.binding'];
    assert.ok(text.includes('Maßgeblich ist die deutsche Fassung.'), 'the German text is marked as binding');
    assert.ok(text.normalize('NFKC').includes(arabic.normalize('NFKC')), 'and so is the Arabic translation');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}));
