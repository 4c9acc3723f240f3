// Where Bogen is heavier or slower than its budget, say why: a breakdown of the wasm by crate
// and function for bytes; for time, a trace (which kind of browser work) and a CPU profile
// (which functions) of one more run. Those runs use the build that keeps wasm names
// (bench/out/site/named/) and are never the timed ones.

import { join } from 'node:path';
import { existsSync } from 'node:fs';

import { breakdown } from './wasm-sizes.mjs';
import { navigate } from './load.mjs';
import { focus, keys } from './keystrokes.mjs';
import { time } from './validation.mjs';
import * as profiler from './profile.mjs';
import * as trace from './trace.mjs';

export async function explain({ browser, rows, url, out, namedWasm, withPage, keyItem, root }) {
  const missed = rows.filter((r) => r.meets === false);
  if (missed.length === 0) return { summary: { missed: [] } };
  const named = Boolean(namedWasm && existsSync(namedWasm));
  const topics = unique(missed.map((r) => r.topic));
  const sections = [];
  const summary = { missed: missed.map((r) => r.figure), namedBuild: named, items: [] };

  if (topics.some((t) => t.kind === 'bytes')) {
    if (named) {
      const b = breakdown(namedWasm);
      summary.items.push({ what: 'wasm size', ...b });
      sections.push(sizeSection(b, root));
    } else {
      sections.push('## Bytes\n\nNo wasm with a name section was built, so there is no breakdown.\n');
    }
  }
  // One profiled run per figure: a CPU profile (which functions) and a trace (which kind of
  // browser work) of the same stretch of time.
  const run = async (label, name, f, within) => {
    const cpuFile = join(out, `${name}.cpuprofile`);
    const traceFile = join(out, `${name}.trace.json`);
    try {
      const result = await withPage(browser, async (page) => {
        let cdp;
        const begin = async () => {
          await trace.start(browser, page);
          cdp = await profiler.start(page);
        };
        await f(page, begin);
        const cpu = await profiler.stop(cdp, cpuFile, { within });
        return { cpu, trace: await trace.stop(browser, traceFile) };
      });
      summary.items.push({ what: label, cpuProfile: cpuFile, trace: traceFile, ...result });
      sections.push(profileSection(label, cpuFile, traceFile, result, Boolean(within)));
    } catch (e) {
      sections.push(`## ${label}\n\nProfiling failed: ${String(e.message ?? e).split('\n')[0]}\n`);
    }
  };
  for (const t of topics) {
    if (t.kind === 'load') {
      await run(`Navigation until the form is complete, ${t.id} (the first usable input comes earlier)`, `load-${t.id}`, async (page, begin) => {
        await navigate(page, url('bogen', t.id, { named }), { before: begin });
      });
    } else if (t.kind === 'keys') {
      await run(`Keystrokes in list500, live validation ${t.mode} (40 keys after 5 unprofiled)`, `keys-${t.mode}`, async (page, begin) => {
        await navigate(page, url('bogen', 'list500', { live: t.mode === 'on', named }));
        await focus(page, keyItem);
        await keys(page, 5);
        await begin();
        await keys(page, 40);
      });
    } else if (t.kind === 'validation') {
      await run(
        'Full validation of list500 data (first call, then 60 calls each after setData; CPU profile: only samples inside validate(); trace: everything, re-renders included)',
        'validation',
        async (page, begin) => {
          await navigate(page, url('bogen', 'list500', { named }));
          await begin();
          await time(page, { calls: 60 });
        },
        /^validate$/,
      );
    }
  }
  const head = [
    '# Why Bogen misses a budget',
    '',
    `Written by \`cargo xtask bench\` for the figures that missed their budget: ${missed.map((r) => r.figure).join('; ')}.`,
    named
      ? 'Profiles ran on `bench/out/site/named/`, the same build with the wasm name section kept (wasm-opt -Oz -g), so wasm frames show Rust names. Raw profiles open in Chromium DevTools (Performance panel, "Load profile").'
      : 'No named build was available; wasm frames show only their index.',
    '',
  ];
  return { summary, markdown: [...head, ...sections].join('\n') };
}

function unique(topics) {
  const seen = new Set();
  return topics.filter((t) => {
    const k = JSON.stringify(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function sizeSection(b, root) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const lines = [
    '## Bytes: where the wasm goes',
    '',
    `\`${b.file.replace(`${root}/`, '')}\`: ${kb(b.withoutCustomSections)} without its name section (${b.functionCount} functions, ${kb(b.codeBytes)} code, ${kb(b.dataBytes)} data segments). Sizes below are uncompressed; brotli shrinks all of them roughly alike.`,
    '',
    '| crate | code | share of code |',
    '|---|---:|---:|',
    ...b.crates.slice(0, 20).map((c) => `| ${c.crate} | ${kb(c.bytes)} | ${(c.share * 100).toFixed(1)} % |`),
    '',
    `Data segments (constant tables and strings, not attributable by name): ${kb(b.dataBytes)}.`,
    '',
    '| largest functions | code |',
    '|---|---:|',
    ...b.functions.map((f) => `| \`${f.name.slice(0, 140).replace(/\|/g, '\\|')}\` | ${kb(f.size)} |`),
    '',
  ];
  return lines.join('\n');
}

function profileSection(label, cpuFile, traceFile, { cpu, trace: t }, within) {
  const rel = (f) => f.split('/bench/').pop();
  return [
    `## ${label}`,
    '',
    `Trace \`${rel(traceFile)}\`: the page's main thread was busy ${t.busyMs} ms, of which it ran ${t.cpuMs} ms on a core (the rest it waited for one). Self time by kind of work (trace event names; a scheduler's RunTask is task time no finer event covers):`,
    '',
    '| work | CPU ms | wall ms | share of CPU |',
    '|---|---:|---:|---:|',
    ...t.kinds.map((k) => `| ${k.name} | ${k.cpuMs} | ${k.wallMs} | ${(k.share * 100).toFixed(1)} % |`),
    '',
    `CPU profile \`${rel(cpuFile)}\`: ${cpu.sampledMs} ms sampled${within ? ' inside validate()' : ''} (idle excluded); "(program)" is the browser's own work (style, layout, paint), split up in the trace above.`,
    '',
    '| function (self time) | ms | share |',
    '|---|---:|---:|',
    ...cpu.functions.map((f) => `| \`${f.function.slice(0, 140).replace(/\|/g, '\\|')}\` | ${f.selfMs} | ${(f.share * 100).toFixed(1)} % |`),
    '',
  ].join('\n');
}
