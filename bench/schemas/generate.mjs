// Writes the synthetic bench forms (wide64, list500) with their uiSchemas and data.
// Generated rather than hand-written so the shape (field mix, item count) is stated once, here,
// and the committed JSON can be recreated byte for byte: `node schemas/generate.mjs`.

import { writeFileSync } from 'node:fs';

const SCHEMA = 'https://json-schema.org/draft/2020-12/schema';
const KOMMUNEN = ['erkrath', 'haan', 'heiligenhaus', 'hilden', 'langenfeld', 'mettmann', 'monheim', 'ratingen', 'velbert', 'wuelfrath'];
const PLZ = '^[0-9]{5}$';
const PHONE = '^\\+?[0-9][0-9 /-]{5,19}$';

// One kind per widget people meet in the real forms; `value(i)` gives valid data.
const KINDS = {
  text: { schema: { type: 'string', minLength: 1, maxLength: 200 }, value: (i) => `Angabe ${i}` },
  plz: { schema: { type: 'string', pattern: PLZ }, value: (i) => String(40800 + i) },
  phone: { schema: { type: 'string', pattern: PHONE }, value: (i) => `+49 2104 ${100000 + i}` },
  date: { schema: { type: 'string', format: 'date' }, value: (i) => `2026-0${1 + (i % 9)}-${String(10 + (i % 18))}` },
  select: { schema: { type: 'string', enum: KOMMUNEN }, value: (i) => KOMMUNEN[i % KOMMUNEN.length] },
  number: { schema: { type: 'number', minimum: 0, maximum: 1000 }, value: (i) => (i * 7) % 1000 },
  integer: { schema: { type: 'integer', minimum: 0, maximum: 99 }, value: (i) => i % 99 },
  boolean: { schema: { type: 'boolean' }, value: (i) => i % 2 === 0 },
  textarea: { schema: { type: 'string', maxLength: 2000 }, value: (i) => `Notiz ${i}: Gespräch geführt, nächste Schritte vereinbart.`, widget: 'textarea' },
};

// 6 groups, 64 fields; every group mixes kinds, and some fields in each are required.
const GROUPS = [
  ['person', ['text', 'text', 'date', 'select', 'text', 'boolean', 'text', 'integer', 'date', 'text', 'select'], 4],
  ['kontakt', ['text', 'text', 'plz', 'text', 'phone', 'phone', 'text', 'boolean', 'textarea', 'select', 'text'], 4],
  ['aufenthalt', ['select', 'date', 'date', 'text', 'boolean', 'number', 'textarea', 'text', 'select', 'date'], 3],
  ['bildung', ['select', 'text', 'integer', 'date', 'boolean', 'text', 'number', 'textarea', 'select', 'text', 'boolean'], 3],
  ['arbeit', ['boolean', 'text', 'number', 'date', 'select', 'text', 'integer', 'phone', 'textarea', 'text', 'plz'], 3],
  ['ziele', ['textarea', 'date', 'select', 'boolean', 'text', 'number', 'textarea', 'text', 'date', 'integer'], 3],
];

function wide64() {
  const schema = { $schema: SCHEMA, $id: 'urn:bogen:form:wide64:1.0.0', title: 'Breiter Bogen (64 Felder)', type: 'object', additionalProperties: false, required: [], properties: {} };
  const ui = { 'ui:order': [] };
  const data = {};
  let n = 0;
  for (const [group, kinds, required] of GROUPS) {
    const props = {};
    const groupUi = { 'ui:order': [] };
    const groupData = {};
    kinds.forEach((kind, i) => {
      n += 1;
      const key = `${kind}${i + 1}`;
      props[key] = { title: `${group} ${kind} ${i + 1}`, ...KINDS[kind].schema };
      groupUi['ui:order'].push(key);
      if (KINDS[kind].widget) groupUi[key] = { 'ui:widget': KINDS[kind].widget };
      groupData[key] = KINDS[kind].value(n);
    });
    groupUi['ui:order'].push('*');
    const keys = Object.keys(props);
    schema.properties[group] = { title: group, type: 'object', additionalProperties: false, required: keys.slice(0, required), properties: props };
    schema.required.push(group);
    ui['ui:order'].push(group);
    ui[group] = groupUi;
    data[group] = groupData;
  }
  ui['ui:order'].push('*');
  if (n !== 64) throw new Error(`wide64 has ${n} fields`);
  return { schema, ui, data };
}

function list500() {
  const item = {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'geburtsdatum', 'kommune'],
    properties: {
      name: { title: 'Name', type: 'string', minLength: 1, maxLength: 200 },
      geburtsdatum: { title: 'Geburtsdatum', type: 'string', format: 'date' },
      kommune: { title: 'Kommune', type: 'string', enum: KOMMUNEN },
      stunden: { title: 'Stunden pro Woche', type: 'number', minimum: 0, maximum: 60 },
      aktiv: { title: 'Aktiv', type: 'boolean' },
    },
  };
  const schema = {
    $schema: SCHEMA,
    $id: 'urn:bogen:form:list500:1.0.0',
    title: 'Liste (500 Einträge)',
    type: 'object',
    additionalProperties: false,
    required: ['eintraege'],
    properties: { eintraege: { title: 'Einträge', type: 'array', maxItems: 1000, items: item } },
  };
  const ui = { 'ui:order': ['eintraege', '*'], eintraege: { items: { 'ui:order': ['name', 'geburtsdatum', 'kommune', 'stunden', 'aktiv', '*'] } } };
  const eintraege = Array.from({ length: 500 }, (_, i) => ({
    name: `Teilnehmende ${i + 1}`,
    geburtsdatum: `19${String(50 + (i % 50))}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    kommune: KOMMUNEN[i % KOMMUNEN.length],
    stunden: (i * 3) % 61,
    aktiv: i % 3 !== 0,
  }));
  return { schema, ui, data: { eintraege } };
}

const here = new URL('.', import.meta.url);
for (const [id, form] of [['wide64', wide64()], ['list500', list500()]]) {
  for (const [part, value] of [['schema', form.schema], ['ui', form.ui], ['data', form.data]]) {
    writeFileSync(new URL(`${id}.${part}.json`, here), `${JSON.stringify(value, null, 2)}\n`);
  }
}
