// Lists in the Hilfeplan (goals, and steps inside a goal): adding, moving up and down and
// removing items keeps every value with its item, on screen and in the data.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { usePages } from './browser.js';
import { form, ui } from './forms.js';
import { fieldId, openForm, prefix, save, submitButton, summary } from './portal.js';
import { activeElement, formRoot } from './shadow.js';

const withPage = usePages();
const f = form('hilfeplan');

/** What the screen shows for each item of the list at `pointer`, read field by field. */
async function items(page, pointer, names) {
  const pre = await prefix(page);
  return (await formRoot(page)).evaluate(
    (root, [pre, pointer, names]) => {
      const out = [];
      for (let i = 0; ; i++) {
        const item = root.getElementById(`${pre}${pointer}-${i}`);
        if (!item) return out;
        const values = { legend: item.querySelector('legend').textContent.trim() };
        for (const name of names) {
          const id = `${pre}${pointer}-${i}-${name}`;
          const control = root.getElementById(id);
          values[name] = control.type === 'radio'
            ? [...root.querySelectorAll(`[name="${id}"]`)].find((r) => r.checked)?.value ?? null
            : control.value;
        }
        out.push(values);
      }
    },
    [pre, fieldId('', pointer), names],
  );
}

/** Enters step `j` of goal `i`. */
async function enterStep(page, i, j, step) {
  const pre = await prefix(page);
  const id = (name) => fieldId(pre, `/ziele/${i}/schritte/${j}/${name}`);
  await page.locator(`input[name="${id('wer')}"][value="${step.wer}"]`).check();
  await page.locator(`[id="${id('was')}"]`).fill(step.was);
  if (step.partner) {
    await page.locator(`[id="${id('partner')}"]`).fill(step.partner);
  }
}

/** Enters goal `i` and its first step (adding the step if the goal has none yet). */
async function enterGoal(page, i, goal) {
  const pre = await prefix(page);
  if (!(await page.locator(`[id="${fieldId(pre, `/ziele/${i}/schritte/0`)}"]`).count())) {
    await page.locator(`[id="${fieldId(pre, `/ziele/${i}/schritte`)}"]`).click();
  }
  await page.locator(`[id="${fieldId(pre, `/ziele/${i}/ziel`)}"]`).fill(goal.ziel);
  await page.locator(`[id="${fieldId(pre, `/ziele/${i}/lebensbereich`)}"]`).selectOption(goal.lebensbereich);
  await page.locator(`input[name="${fieldId(pre, `/ziele/${i}/prioritaet`)}"][value="${goal.prioritaet}"]`).check();
  await enterStep(page, i, 0, goal.schritte[0]);
}

const button = (scope, name) => scope.getByRole('button', { name, exact: true });

const focusedName = async (page) =>
  (await activeElement(page)).evaluate((e) => e.textContent.trim().replace(/\s+/g, ' '));

/** A goal as `items` reads it from the screen. */
const goal = (legend, g) => ({
  legend,
  ziel: g.ziel,
  lebensbereich: g.lebensbereich,
  prioritaet: g.prioritaet,
  'schritte-0-wer': g.schritte[0].wer,
  'schritte-0-was': g.schritte[0].was,
});
const GOAL_FIELDS = ['ziel', 'lebensbereich', 'prioritaet', 'schritte-0-wer', 'schritte-0-was'];
const step = (legend, s) => ({ legend, wer: s.wer, was: s.was });

const WBS = { wer: 'teilnehmende', was: 'Wohnberechtigungsschein beantragen' };
const ANGEBOTE = { wer: 'casemanagement', was: 'Wohnungsangebote mit Frau W. durchgehen' };
const BESICHTIGUNG = { wer: 'partner', partner: 'Patin Frau K.', was: 'Zur Besichtigung begleiten' };

const WOHNEN = {
  ziel: 'Familie W. lebt in einer eigenen Wohnung.', lebensbereich: 'wohnen', prioritaet: 'hoch', schritte: [WBS],
};
const ARBEIT = {
  ziel: 'Frau W. arbeitet in ihrem Beruf als Pflegehelferin.', lebensbereich: 'arbeit', prioritaet: 'mittel',
  schritte: [{ wer: 'casemanagement', was: 'Anerkennung des Berufsabschlusses klären' }],
};
const SPRACHE = {
  ziel: 'Frau W. verständigt sich im Alltag auf Deutsch.', lebensbereich: 'sprache', prioritaet: 'niedrig',
  schritte: [{ wer: 'partner', partner: 'VHS Langenfeld', was: 'Platz im Integrationskurs anbieten' }],
};

test('a new goal starts as the first one did: with one blank step', withPage(async (page) => {
  await openForm(page, f);
  const pre = await prefix(page);
  await page.locator(`[id="${fieldId(pre, '/ziele')}"]`).click();
  await page.locator(`[id="${fieldId(pre, '/ziele/1')}"]`).waitFor();

  const { record } = await save(page);
  assert.equal(record.data.ziele.length, 2);
  assert.deepEqual(record.data.ziele[1], record.data.ziele[0], 'the new goal in the data is blank like the first');
  assert.equal(
    await page.locator(`[id="${fieldId(pre, '/ziele/1/schritte/0')}"]`).count(),
    await page.locator(`[id="${fieldId(pre, '/ziele/0/schritte/0')}"]`).count(),
    'the new goal shows a first step as the first goal does',
  );
}));

test('goals: added, moved and removed, each keeps its own values', withPage(async (page) => {
  await openForm(page, f);
  const pre = await prefix(page);
  const add = page.locator(`[id="${fieldId(pre, '/ziele')}"]`);
  assert.equal((await add.textContent()).trim(), ui('list.add', { item: 'Ziel' }));

  await enterGoal(page, 0, WOHNEN);
  await add.click();
  assert.equal(await (await activeElement(page)).evaluate((e) => e.id), fieldId(pre, '/ziele/1/ziel'), 'a new goal takes focus');
  await enterGoal(page, 1, ARBEIT);
  await add.click();
  await enterGoal(page, 2, SPRACHE);
  assert.deepEqual(await items(page, '/ziele', GOAL_FIELDS), [
    goal('Ziel 1', WOHNEN), goal('Ziel 2', ARBEIT), goal('Ziel 3', SPRACHE),
  ]);
  assert.equal(await button(page, 'Nach oben Ziel 1').getAttribute('aria-disabled'), 'true');
  assert.equal(await button(page, 'Nach unten Ziel 3').getAttribute('aria-disabled'), 'true');

  await button(page, 'Nach oben Ziel 3').click();
  assert.deepEqual(await items(page, '/ziele', GOAL_FIELDS), [
    goal('Ziel 1', WOHNEN), goal('Ziel 2', SPRACHE), goal('Ziel 3', ARBEIT),
  ], 'moved up');
  assert.equal(await focusedName(page), 'Nach oben Ziel 2', 'focus stays on the moved goal');

  await button(page, 'Nach unten Ziel 1').click();
  assert.deepEqual(await items(page, '/ziele', GOAL_FIELDS), [
    goal('Ziel 1', SPRACHE), goal('Ziel 2', WOHNEN), goal('Ziel 3', ARBEIT),
  ], 'moved down');

  // Typing into a moved goal changes that goal.
  const wohnen = { ...WOHNEN, ziel: `${WOHNEN.ziel} In Langenfeld.` };
  await page.locator(`[id="${fieldId(pre, '/ziele/1/ziel')}"]`).fill(wohnen.ziel);
  let { record } = await save(page);
  assert.deepEqual(record.data.ziele, [SPRACHE, wohnen, ARBEIT]);

  await button(page, 'Entfernen Ziel 1').click();
  assert.deepEqual(await items(page, '/ziele', GOAL_FIELDS), [goal('Ziel 1', wohnen), goal('Ziel 2', ARBEIT)], 'removed');
  assert.ok(
    (await page.locator('.bogen-list__removed').textContent()).includes(ui('list.removed', { item: 'Ziel 1' })),
    'the list says which goal was removed',
  );
  assert.equal(await focusedName(page), ui('list.undo'), 'focus moves to undo');
  ({ record } = await save(page));
  assert.deepEqual(record.data.ziele, [wohnen, ARBEIT]);

  await button(page, ui('list.undo')).click();
  assert.deepEqual(await items(page, '/ziele', GOAL_FIELDS), [
    goal('Ziel 1', SPRACHE), goal('Ziel 2', wohnen), goal('Ziel 3', ARBEIT),
  ], 'restored where it was');
  ({ record } = await save(page));
  assert.deepEqual(record.data.ziele, [SPRACHE, wohnen, ARBEIT]);
}));

const STEP_FIELDS = ['wer', 'was'];

test('steps of a goal: added, moved and removed, each keeps its own values', withPage(async (page) => {
  await openForm(page, f);
  const pre = await prefix(page);
  const goal1 = page.locator(`[id="${fieldId(pre, '/ziele/0')}"]`);
  const add = page.locator(`[id="${fieldId(pre, '/ziele/0/schritte')}"]`);

  await enterStep(page, 0, 0, WBS);
  await add.click();
  await enterStep(page, 0, 1, ANGEBOTE);
  await add.click();
  await enterStep(page, 0, 2, BESICHTIGUNG);
  assert.deepEqual(await items(page, '/ziele/0/schritte', STEP_FIELDS), [
    step('Schritt 1', WBS), step('Schritt 2', ANGEBOTE), step('Schritt 3', BESICHTIGUNG),
  ]);

  await button(goal1, 'Nach oben Schritt 3').click();
  assert.deepEqual(await items(page, '/ziele/0/schritte', STEP_FIELDS), [
    step('Schritt 1', WBS), step('Schritt 2', BESICHTIGUNG), step('Schritt 3', ANGEBOTE),
  ], 'moved up');
  await button(goal1, 'Nach unten Schritt 1').click();
  assert.deepEqual(await items(page, '/ziele/0/schritte', STEP_FIELDS), [
    step('Schritt 1', BESICHTIGUNG), step('Schritt 2', WBS), step('Schritt 3', ANGEBOTE),
  ], 'moved down');
  assert.equal(
    await page.locator(`[id="${fieldId(pre, '/ziele/0/schritte/0/partner')}"]`).inputValue(),
    BESICHTIGUNG.partner,
    'the partner moved with its step',
  );
  let { record } = await save(page);
  assert.deepEqual(record.data.ziele[0].schritte, [BESICHTIGUNG, WBS, ANGEBOTE]);

  await button(goal1, 'Entfernen Schritt 2').click();
  assert.deepEqual(await items(page, '/ziele/0/schritte', STEP_FIELDS), [
    step('Schritt 1', BESICHTIGUNG), step('Schritt 2', ANGEBOTE),
  ], 'removed');
  ({ record } = await save(page));
  assert.deepEqual(record.data.ziele[0].schritte, [BESICHTIGUNG, ANGEBOTE]);
}));

test('without any goal, the error summary names the list and leads to its add button', withPage(async (page) => {
  await openForm(page, f);
  const pre = await prefix(page);
  await button(page, 'Entfernen Ziel 1').click();
  assert.equal(await page.locator(`[id="${fieldId(pre, '/ziele/0')}"]`).count(), 0, 'the only goal is gone');

  await submitButton(page).click();
  const link = summary(page).locator(`a[href="#${fieldId(pre, '/ziele')}"]`);
  assert.equal(await link.count(), 1, 'one summary entry for the empty list');
  await link.click();
  assert.equal(await focusedName(page), ui('list.add', { item: 'Ziel' }), 'the link leads to "Ziel hinzufügen"');
  const add = page.locator(`[id="${fieldId(pre, '/ziele')}"]`);
  assert.equal(await add.getAttribute('aria-invalid'), 'true');
}));
