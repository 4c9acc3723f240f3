// The table's rows: each figure for both apps, their ratio and the budget it is held to.
// A figure Bogen could not produce stays empty with the reason; nothing is filled in.

/// Earlier measurement of the rjsf stack's first-load bytes, from the project's size notes.
export const RJSF_EARLIER_BYTES = 170_923;
const KEY_FRAME_MS = 16;
/// The PDF of a large Hilfeplan in the browser, once the module is loaded.
const PDF_BUDGET_MS = 50;

/// `m` holds `{ bogen, rjsf }` per figure: numbers, or `{ error }`.
export function rows(m) {
  const out = [];
  const add = (topic, figure, unit, pair, budget, extra, spread = null) => {
    const b = pair?.bogen;
    const r = pair?.rjsf;
    const ratio = typeof b === 'number' && typeof r === 'number' && r > 0 ? b / r : null;
    const meets = ratio === null ? null : budget(ratio, b);
    out.push({ topic, figure, unit, bogen: b ?? null, rjsf: r ?? null, spread, ratio, budget: extra, meets });
  };
  const half = (ratio) => ratio <= 0.5;
  const byteCases = Object.entries(m.bytes ?? {});
  if (byteCases.length) {
    // Code is the same whatever the case; shown once, from the first case measured.
    const [id, pair] = byteCases[0];
    add({ kind: 'bytes', id }, `bytes before interactive: code (html, js, wasm, css), measured on ${id}`, 'B', pair.code, (ratio) => ratio <= 1, 'Bogen ≤ rjsf');
  }
  for (const [id, pair] of byteCases) {
    add({ kind: 'bytes', id }, `bytes before interactive, ${id}: code + form JSON`, 'B', pair.total, (ratio) => ratio <= 1, 'Bogen ≤ rjsf');
  }
  for (const [id, pair] of Object.entries(m.load ?? {})) {
    add({ kind: 'load', id }, `navigation to first usable input, ${id} (median)`, 'ms', pair, half, '≤ ½ rjsf', m.spread?.[`load:${id}`]);
  }
  for (const [id, pair] of Object.entries(m.complete ?? {})) {
    add({ kind: 'complete', id }, `navigation to the whole form shown (last DOM change painted), ${id} (median)`, 'ms', pair, () => null, 'none (for context)', m.spread?.[`complete:${id}`]);
  }
  for (const [id, pair] of Object.entries(m.ready ?? {})) {
    add({ kind: 'ready', id }, `navigation until validation is ready, ${id} (median; Bogen: its validator module arrived and \`mount\` resolved; rjsf: its first usable input)`, 'ms', pair, () => null, 'none (for context)', m.spread?.[`ready:${id}`]);
  }
  if (m.validator) {
    out.push({ topic: { kind: 'bytes', id: 'validator' }, figure: 'bytes the validator module adds: bogen_check.js + bogen_check_bg.wasm (brotli), fetched once the form is painted', unit: 'B', bogen: m.validator.total, rjsf: null, spread: null, ratio: null, budget: 'none (after interactive)', meets: null });
  }
  for (const mode of ['off', 'on']) {
    const k = m.keys?.[mode];
    if (!k) continue;
    add({ kind: 'keys', mode }, `keystroke latency, list500, live validation ${mode} (median)`, 'ms', k.median, half, '≤ ½ rjsf');
    add({ kind: 'keys', mode }, `keystroke latency, list500, live validation ${mode} (p95)`, 'ms', k.p95, (ratio, b) => ratio <= 0.5 && b < KEY_FRAME_MS, `≤ ½ rjsf and < ${KEY_FRAME_MS} ms`);
  }
  if (m.validation) {
    add({ kind: 'validation' }, 'full validation of list500 data, first call (median)', 'ms', m.validation.first, half, '≤ ½ rjsf', m.spread?.['validation:first']);
    add({ kind: 'validation' }, 'full validation of list500 data, warm (median)', 'ms', m.validation.warm, half, '≤ ½ rjsf');
  }
  const p = m.pdf ?? {};
  const only = (topic, figure, unit, value, budget = 'Bogen only', meets = null, spread = null) =>
    out.push({ topic: { kind: 'pdf', what: topic }, figure, unit, bogen: value ?? { error: 'not measured' }, rjsf: null, spread: spread && { bogen: spread }, ratio: null, budget, meets });
  const warm = typeof p.warm === 'number' ? p.warm : null;
  only('wasm', 'PDF of a Hilfeplan with 12 goals and 60 steps in the browser (wasm, `form.pdf()`, median of warm calls)', 'ms', p.warm, `< ${PDF_BUDGET_MS} ms`, warm === null ? null : warm < PDF_BUDGET_MS, p.spread);
  only('first', 'the same, first PDF of a page (loads and compiles the PDF module and fonts; median)', 'ms', p.first, 'none (for context)');
  only('native', 'the same natively (bogen-pdf `render` example, release build, median of 10)', 'ms', p.native, 'none (for context)');
  only('code', 'bytes the PDF module adds: code (bogen_pdf.js + bogen_pdf_bg.wasm, brotli)', 'B', p.code, 'none (loaded on the first PDF only)');
  only('fonts', 'bytes the PDF module adds: fonts (Noto Sans Regular + Bold, brotli)', 'B', p.fonts, 'none (loaded on the first PDF only)');
  only('total', `bytes in total with PDF support, ${p.form ?? 'hilfeplan'}: code + form JSON + PDF module + fonts`, 'B', p.total, 'none (for context)');
  return out;
}
