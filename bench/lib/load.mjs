// One navigation to a bench page, timed to the first usable form field, with every request the
// page made up to that moment. Nothing of the harness runs in the page until the form is
// complete: the probe reports through console messages, so no evaluation or polling from the
// driver competes with the app while it loads.

/// Runs in the page before any of its scripts (an init script, so it costs the page no request).
/// Reports `bench:interactive <ms>` when the first form field in #app exists, is enabled and
/// laid out and its frame has been painted (checked in requestAnimationFrame, recorded in the
/// next task: the same "next frame" rule the keystroke figure uses), then `bench:complete <ms>`
/// once the page has not changed for a second, with the time the last change was shown.
/// performance.now() counts from the navigation's start.
function probe(quietMs) {
  // Form fields only: a hidden file input for loading records is not where people start.
  const FIELDS = ['input:not([type=hidden]):not([type=file])', 'select', 'textarea'].map((c) => `#app ${c}:not([disabled])`).join(', ');
  let interactive = false;
  let lastChange = 0;
  let lastShown = 0;
  let framePending = false;
  const frame = () => {
    const start = performance.now();
    const found = !interactive && [...document.querySelectorAll(FIELDS)].some((c) => c.getClientRects().length > 0);
    setTimeout(() => {
      const now = performance.now();
      lastShown = now;
      if (found) {
        interactive = true;
        console.debug(`bench:interactive ${now}`);
        setTimeout(quiet, quietMs);
      }
      framePending = lastChange > start;
      if (framePending) requestAnimationFrame(frame);
    }, 0);
  };
  const quiet = () => {
    if (performance.now() - lastChange >= quietMs && lastShown > lastChange) console.debug(`bench:complete ${lastShown}`);
    else setTimeout(quiet, 100);
  };
  new MutationObserver(() => {
    lastChange = performance.now();
    if (!framePending) {
      framePending = true;
      requestAnimationFrame(frame);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

const QUIET_MS = 1000;

/// Navigates and waits until the form is usable and then complete, or the page reports an
/// error. Returns `{ ms, complete, ready, requests: [{url, status}] }` (`ready`: when the page
/// said its validation is there, null if it never did): `complete` is when the last
/// change before a quiet second was shown (null if that did not happen within the timeout).
/// Throws with the page's error otherwise.
export async function navigate(page, url, { timeoutMs = 60_000, before } = {}) {
  const responses = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  const said = (prefix) =>
    new Promise((resolve) => {
      page.on('console', (m) => {
        const text = m.text();
        if (text.startsWith(prefix)) resolve(Number(text.slice(prefix.length)));
        else if (text.startsWith('bench:error ')) resolve({ error: text.slice(12) });
        else if (m.type() === 'error') problems.push(text);
      });
    });
  const interactive = said('bench:interactive ');
  const completed = said('bench:complete ');
  // Bogen says when its validator module has arrived (`mount` resolved); rjsf validates with
  // the code it had before its first field, so for it this is the first usable field.
  const validating = said('bench:ready ');
  await page.addInitScript(probe, QUIET_MS);
  if (before) await before();
  await page.goto(url, { waitUntil: 'commit' });
  const outcome = await within(interactive, timeoutMs, { error: `no usable form field within ${timeoutMs / 1000} s` });
  if (typeof outcome !== 'number') throw new Error([outcome.error, ...problems].join('\n'));
  const complete = await within(completed, timeoutMs, null);
  const ready = await within(validating, complete === null ? 0 : 2_000, null);
  // Requests the page started up to the first usable field: the document plus resource timing.
  const started = await page.evaluate((until) => performance.getEntriesByType('resource').filter((e) => e.startTime <= until).map((e) => e.name), outcome);
  const wanted = new Set([page.url(), ...started]);
  const requests = responses.filter((r) => wanted.has(r.url));
  return { ms: outcome, complete: typeof complete === 'number' ? complete : null, ready: typeof ready === 'number' ? ready : null, requests, problems };
}

function within(promise, ms, fallback) {
  let timer;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]).finally(() => clearTimeout(timer));
}
