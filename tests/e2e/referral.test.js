// The Screeningbogen suggests, the case manager decides: beside the decision the form explains
// which Zielgruppe matches and why; when the person is referred elsewhere it lists the offers of
// their town from the directory of Beratungsangebote, and the offer ticked goes into the record
// and the PDF. The directory is fetched only by a form that needs it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { test } from 'node:test';

import { wcag21 } from './axe.js';

import { BASE, usePages } from './browser.js';
import { fill, form, readJson, ui } from './forms.js';
import { enter, fieldId, openForm, prefix, save, submitValid, typeInto, waitForForm } from './portal.js';
import { shoot } from './shots.js';

if (!process.env.BOGEN_CLI) {
  throw new Error('BOGEN_CLI must name the bogen binary (cargo xtask test builds it at target/debug/bogen)');
}
const CLI = process.env.BOGEN_CLI;

const withPage = usePages();
const f = form('screening');
const NETZWERK = readJson('forms/netzwerk/i18n/de.json').ui;
const DIRECTORY = readJson('forms/netzwerk/angebote.json');
const JMD = DIRECTORY.angebote.find((o) => o.id === 'hilden-jmd');

const isDirectory = (url) => /\/forms\/netzwerk\.[a-z]+\.json$/.test(new URL(url).pathname);

/** A birth date that makes the person `years` old today (and not yet a year older). */
function bornYearsAgo(years) {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() - 10);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** Nineteen, in Hilden, with a secured residence (Aufenthaltserlaubnis), here for years. */
const PERSON = {
  erstgespraech: {
    datum: '2026-10-01',
    kommune: 'hilden',
    traeger: 'SKFM Hilden',
    caseManagerIn: 'Petra Beispiel',
    zugangsweg: 'selbstmeldung',
  },
  person: {
    name: 'Haddad',
    vorname: 'Samir',
    geburtsdatum: bornYearsAgo(19),
    einreisedatum: '2016-03-01',
    herkunftsregion: 'nahostnordafrika',
  },
  aufenthalt: { status: 'aufenthaltserlaubnis', umaBeiEinreise: false },
};

function suggestion(page) {
  return page.getByRole('region', { name: ui('netzwerk.vorschlag.titel') });
}

async function axe(page) {
  const results = await wcag21(page).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('screening: the suggestion explains the Zielgruppen, the finder lists Hilden’s offers, the pick reaches record and PDF', withPage(async (page) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // Straight to another form: the portal's start page shows the Screeningbogen.
  await page.goto(`${BASE}?form=hilfeplan`);
  await waitForForm(page, form('hilfeplan'));
  assert.deepEqual(requests.filter(isDirectory), [], 'another form does not fetch the directory');

  await openForm(page, f);
  const pre = await prefix(page);
  await suggestion(page).getByText(NETZWERK['netzwerk.vorschlag.offen']).waitFor();
  const fetched = new Set(requests.filter(isDirectory).map((u) => new URL(u).pathname));
  assert.deepEqual([...fetched], ['/forms/netzwerk.de.json'], 'the Screeningbogen fetches the directory in its language');

  await enter(page, f, PERSON);
  const panel = suggestion(page);
  // "No" to UMA at entry: ticked and unticked, as a case manager corrects a slip.
  const uma = page.locator(`[id="${fieldId(pre, '/aufenthalt/umaBeiEinreise')}"]`);
  await uma.check();
  await uma.uncheck();
  await panel.getByText(NETZWERK['netzwerk.vorschlag.verweis']).waitFor();
  const text = await panel.innerText();
  const status = fill(NETZWERK['netzwerk.bleiberecht.nein'], { status: NETZWERK['netzwerk.wert.status.aufenthaltserlaubnis'] });
  assert.ok(text.includes(status), `the suggestion says why Zielgruppe 2 does not match: ${status}`);
  assert.ok(text.includes(NETZWERK['netzwerk.uma.nein']), 'and why Zielgruppe 1 does not');
  assert.ok(text.includes(fill(NETZWERK['netzwerk.neuzugewandert.volljaehrig'], { alter: '19' })), 'the age is reckoned from the birth date');
  assert.equal(await panel.getByText(NETZWERK['netzwerk.verdict.erfuellt'], { exact: true }).count(), 0, 'no Zielgruppe matches');
  const entscheidung = (value) => page.locator(`input[type=radio][name="${fieldId(pre, '/ergebnis/entscheidung')}"][value="${value}"]`);
  assert.equal(await entscheidung('verweis').isChecked(), false, 'the suggestion decides nothing');

  const finder = page.getByRole('group', { name: f.texts.fields['ergebnis.verweisAngebote'].title });
  assert.equal(await finder.count(), 0, 'no finder before the decision');
  await entscheidung('verweis').check();
  await finder.getByText(ui('netzwerk.verweis.titel', { stadt: 'Hilden' })).waitFor();
  const jmd = finder.getByRole('checkbox', { name: JMD.name, exact: true });
  await jmd.waitFor();
  const listed = await finder.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.ok(listed.every((id) => id.startsWith('hilden-')), `only offers in Hilden: ${listed.join(', ')}`);
  assert.ok(!listed.includes('hilden-mbe-caritasverband'), 'the MBE (from 27) is not listed for 19');
  const details = await finder.locator(`[id="${await jmd.getAttribute('aria-describedby')}"]`).innerText();
  assert.ok(details.includes(JMD.traeger), 'the Träger is shown');
  assert.ok(details.includes(fill(NETZWERK['netzwerk.kriterium.alterVonBis'], { alter: '19', von: '12', bis: '27' })), 'and why it fits');

  await jmd.check();
  await typeInto(page, '/ergebnis/verwiesenAn', 'JMD Hilden, telefonisch angekündigt');
  assert.deepEqual(await axe(page), [], 'no WCAG 2.1 AA violation with suggestion and offers shown');
  await shoot(page, 'referral');

  const submitted = await submitValid(page);
  const chosen = [{ id: JMD.id, name: JMD.name, traeger: JMD.traeger, stadt: 'Hilden' }];
  assert.deepEqual(submitted.data.ergebnis.verweisAngebote, chosen, 'the submitted record holds the offer');
  const saved = await save(page);
  assert.deepEqual(saved.record.data.ergebnis.verweisAngebote, chosen, 'the saved record holds the offer');

  const dir = await mkdtemp(joinPath(tmpdir(), 'bogen-referral-'));
  try {
    const record = joinPath(dir, 'screening.json');
    await writeFile(record, saved.text);
    const pdf = joinPath(dir, 'screening.pdf');
    execFileSync(CLI, ['pdf', record, '-o', pdf]);
    // Table cells wrap: compare with runs of white space as one space.
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.ok(pdfText.includes(JMD.name), `the PDF names the offer ${JMD.name}`);
    assert.ok(pdfText.includes(JMD.traeger), 'and its Träger');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // Admission hides the finder; the pick is kept but not handed out.
  await entscheidung('aufnahme').check();
  await finder.waitFor({ state: 'detached' });
  const back = await save(page);
  assert.equal(back.record.data.ergebnis.verweisAngebote, undefined, 'a hidden pick is not saved');
  await entscheidung('verweis').check();
  assert.equal(await finder.getByRole('checkbox', { name: JMD.name, exact: true }).isChecked(), true, 'switching back restores the pick');
}));
