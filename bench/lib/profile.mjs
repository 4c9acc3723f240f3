// CPU profiles through the DevTools protocol, summarised as the functions with the most self
// time. Bogen is profiled on a copy of its build that keeps the wasm name section (same
// wasm-opt passes, names not stripped), so wasm frames carry Rust function names.

import { writeFileSync } from 'node:fs';

export async function start(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return cdp;
}

/// Stops the profiler, writes the raw profile (opens in DevTools' Performance panel) and
/// returns the top `top` functions by self time, plus the total sampled time. With `within`,
/// only samples below a frame whose function name matches it count.
export async function stop(cdp, file, { top = 15, within } = {}) {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  writeFileSync(file, JSON.stringify(profile));
  return summarise(profile, top, within);
}

export function summarise(profile, top, within) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inside = new Set();
  if (within) {
    const mark = (node, below) => {
      const now = below || within.test(node.callFrame.functionName);
      if (now) inside.add(node.id);
      for (const child of node.children ?? []) mark(byId.get(child), now);
    };
    mark(profile.nodes[0], false);
  }
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    if (within && !inside.has(id)) return;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = byId.get(id).callFrame;
    if (frame.functionName === '(idle)') return;
    const name = frame.functionName || '(anonymous)';
    const where = frame.url ? `${frame.url.split('/').pop()}${frame.lineNumber >= 0 ? `:${frame.lineNumber + 1}` : ''}` : '';
    const key = where ? `${name} (${where})` : name;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  const functions = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ function: fn, selfMs: +ms.toFixed(2), share: +(ms / total).toFixed(3) }));
  return { sampledMs: +total.toFixed(1), functions };
}
