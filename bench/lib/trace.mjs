// A Chromium performance trace of the page's main thread, summarised as self time per kind of
// work (style, layout, paint, script, GC). A CPU profile lumps the browser's own work into
// "(program)"; the trace says which part of it the time went to.

// DevTools' own timeline plus Blink's, the compositor's and the scheduler's events, so task
// time splits into style, layout, paint, observers, input and script.
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc', 'toplevel', 'input'];

export async function start(browser, page) {
  await browser.startTracing(page, { categories: CATEGORIES, screenshots: false });
}

/// Stops tracing, writes the raw trace (opens in DevTools' Performance panel) and returns the
/// `top` kinds of work by self CPU time on the renderer main threads.
export async function stop(browser, file, top = 12) {
  const buffer = await browser.stopTracing();
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, buffer);
  return summarise(JSON.parse(buffer.toString('utf8')).traceEvents, top);
}

export function summarise(events, top) {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`) || typeof e.dur !== 'number') continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  // Self time per event name, on the wall clock and on the thread's CPU clock: where the two
  // differ the thread was waiting for a core, not working.
  const self = new Map();
  let total = 0;
  let totalCpu = 0;
  const add = (name, wall, cpu) => {
    const entry = self.get(name) ?? { wall: 0, cpu: 0 };
    entry.wall += Math.max(0, wall);
    entry.cpu += Math.max(0, cpu);
    self.set(name, entry);
  };
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    const close = (until) => {
      while (stack.length && stack.at(-1).end <= until) {
        const done = stack.pop();
        add(done.name, done.wall, done.cpu);
        if (stack.length === 0) {
          total += done.dur;
          totalCpu += done.tdur;
        }
      }
    };
    for (const e of list) {
      close(e.ts);
      const tdur = e.tdur ?? e.dur;
      const node = { name: e.name, end: e.ts + e.dur, dur: e.dur, tdur, wall: e.dur, cpu: tdur };
      if (stack.length) {
        stack.at(-1).wall -= e.dur;
        stack.at(-1).cpu -= tdur;
      }
      stack.push(node);
    }
    close(Infinity);
  }
  const kinds = [...self.entries()]
    .sort((a, b) => b[1].cpu - a[1].cpu)
    .slice(0, top)
    .map(([name, t]) => ({ name, cpuMs: +(t.cpu / 1000).toFixed(2), wallMs: +(t.wall / 1000).toFixed(2), share: +(t.cpu / totalCpu).toFixed(3) }));
  return { busyMs: +(total / 1000).toFixed(1), cpuMs: +(totalCpu / 1000).toFixed(1), kinds };
}
