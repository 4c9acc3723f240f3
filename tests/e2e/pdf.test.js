// "PDF erstellen": the browser's PDF of a record is byte for byte the PDF `bogen pdf` makes of
// the record saved from the same page, and the PDF module is fetched only when the first PDF is
// asked for, so opening a form never downloads it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { FORMS, ROOT, ui } from './forms.js';
import { jsonFile, load, openForm, save, status, summary, waitForStatus } from './portal.js';

if (!process.env.BOGEN_CLI) {
  throw new Error('BOGEN_CLI must name the bogen binary (cargo xtask test builds it at target/debug/bogen)');
}
const CLI = process.env.BOGEN_CLI;

const withPage = usePages();

/** What only a PDF needs: the module's code and the fonts. */
const isPdfFile = (url) => /\/(bogen_pdf\.js|bogen_pdf_bg\.wasm|fonts\/[^/]+)$/.test(new URL(url).pathname);

/** Records every request of the page, so a test can ask what was fetched when. */
function requestLog(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

function pdfButton(page) {
  return page.getByRole('button', { name: ui('pdf'), exact: true });
}

/** Clicks "PDF erstellen" and returns the download: suggested name and bytes. */
async function makePdf(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), pdfButton(page).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

for (const f of FORMS) {
  test(`${f.id}: the browser's PDF is the command line's, and its module comes only with the first PDF`, withPage(async (page) => {
    const dir = await mkdtemp(joinPath(tmpdir(), 'bogen-pdf-'));
    try {
      const requests = requestLog(page);
      await openForm(page, f);
      const made = joinPath(dir, 'made.json');
      execFileSync(CLI, ['record', '--form', f.id, joinPath(ROOT, 'forms', f.id, 'examples/full.json'), '-o', made]);
      await load(page, jsonFile(`${f.id}.json`, await readFile(made, 'utf8')));
      await waitForStatus(page, ui('record.loaded', { file: `${f.id}.json` }));
      assert.deepEqual(requests.filter(isPdfFile), [], 'PDF code or fonts were fetched before a PDF was asked for');

      const pdf = await makePdf(page);
      assert.match(pdf.name, new RegExp(`^${f.id}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`), 'the file is named after the form and day');
      await waitForStatus(page, ui('pdf.done', { file: pdf.name }));
      const fetched = requests.filter(isPdfFile).map((url) => new URL(url).pathname.split('/').pop());
      for (const file of ['bogen_pdf.js', 'bogen_pdf_bg.wasm', 'NotoSans-Regular.ttf', 'NotoSans-Bold.ttf']) {
        assert.ok(fetched.includes(file), `${file} was fetched for the PDF (fetched: ${fetched.join(', ')})`);
      }

      const saved = await save(page);
      const record = joinPath(dir, 'saved.json');
      await writeFile(record, saved.text);
      const cliPdf = joinPath(dir, 'cli.pdf');
      execFileSync(CLI, ['pdf', record, '-o', cliPdf]);
      const expected = await readFile(cliPdf);
      assert.ok(pdf.bytes.subarray(0, 5).equals(Buffer.from('%PDF-')), 'the download is a PDF');
      assert.ok(pdf.bytes.equals(expected), `the browser's PDF (${pdf.bytes.length} B) differs from bogen pdf's (${expected.length} B)`);
      const browserPdf = joinPath(dir, 'browser.pdf');
      await writeFile(browserPdf, pdf.bytes);
      execFileSync('qpdf', ['--check', browserPdf], { stdio: 'pipe' });
      const back = JSON.parse(execFileSync(CLI, ['import', browserPdf], { encoding: 'utf8' }));
      assert.deepEqual(back, saved.record, 'bogen import gives back the record the page saved');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }));
}

test('invalid data makes no PDF: the error summary says what to fix', withPage(async (page) => {
  const requests = requestLog(page);
  const f = FORMS.find((form) => form.id === 'hilfeplan');
  await openForm(page, f);
  let downloads = 0;
  page.on('download', () => downloads++);
  await pdfButton(page).click();
  await summary(page).waitFor();
  assert.ok((await summary(page).innerText()).includes(ui('summary.title')), 'the summary is shown');
  assert.equal((await status(page).textContent()).trim(), '', 'no PDF status for invalid data');
  assert.equal(downloads, 0, 'no file was offered');
  assert.deepEqual(requests.filter(isPdfFile), [], 'no PDF code was fetched for invalid data');
}));
