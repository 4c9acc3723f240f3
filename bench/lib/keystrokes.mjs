// Per-keystroke latency in a text input in the middle of a long form. One key at a time: the
// next key is pressed only after the previous one was measured, so frames never overlap and
// each sample is one key's whole cost (handler, re-render, validation, layout, paint). The
// driver waits on a promise the page resolves, so it does not poll the page between keys.

/// In the page: keydown in the capture phase (before the app sees the key) to the first task
/// after the next frame.
function listen() {
  window.benchKeys = [];
  window.benchKeyDone = null;
  window.addEventListener('keydown', () => {
    const start = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      window.benchKeys.push(performance.now() - start);
      window.benchKeyDone?.();
    }, 0));
  }, { capture: true });
}

/// In the page: resolves once `n` keys have been measured.
function measured(n) {
  return new Promise((resolve) => {
    const check = () => {
      if (window.benchKeys.length >= n) resolve();
      else window.benchKeyDone = check;
    };
    check();
  });
}

const TEXT = 'Mustermann Erika Beispielstrasse ';

/// Puts the caret at the end of the input showing `value` (the same item in both apps,
/// whatever their ids) and starts listening. Returns the input's locator.
export async function focus(page, value) {
  const inputs = page.locator('#app input');
  const index = await inputs.evaluateAll((all, v) => all.findIndex((i) => i.value === v), value);
  if (index < 0) throw new Error(`no input holding ${JSON.stringify(value)}`);
  const target = inputs.nth(index);
  await page.evaluate(listen);
  await target.click();
  await page.keyboard.press('End');
  // End's own sample arrives a frame later; wait for it so it cannot land among the letters.
  await page.evaluate(measured, 1);
  return target;
}

/// Types `count` letters into the focused input, one at a time; returns their latencies (ms)
/// and the letters typed.
export async function keys(page, count) {
  await page.evaluate(() => {
    window.benchKeys = [];
  });
  let typed = '';
  for (let i = 0; i < count; i += 1) {
    const key = TEXT[i % TEXT.length];
    typed += key;
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await page.evaluate(measured, i + 1);
  }
  return { samples: await page.evaluate(() => window.benchKeys), typed };
}

/// `warmup + count` keys into the input showing `value`: the last `count` latencies, the first
/// key's latency, and whether the typing arrived in the input.
export async function type(page, { value, warmup, count }) {
  const target = await focus(page, value);
  const { samples, typed } = await keys(page, warmup + count);
  const arrived = (await target.inputValue()) === value + typed;
  return { first: samples[0], samples: samples.slice(warmup), arrived };
}
