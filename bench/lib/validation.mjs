// Whole-form validation time, measured inside the page on what each app's API offers:
// `window.benchApp.validation()` returns `{ run, reset }`: `run()` validates the form's data
// once; `reset()`, where present, makes the next `run()` validate for real (Bogen keeps its
// verdict until the data changes). Each call is timed on its own, with the page idle before
// it; the pages are cross-origin isolated, so performance.now() resolves 5 µs.

async function measure({ calls }) {
  const idle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const size = (r) => (Array.isArray(r) ? r.length : Array.isArray(r?.errors) ? r.errors.length : null);
  const validation = window.benchApp.validation();
  let start = performance.now();
  const errors = size(validation.run());
  const first = performance.now() - start;
  const warm = [];
  for (let i = 0; i < calls; i += 1) {
    validation.reset?.();
    await idle();
    start = performance.now();
    validation.run();
    warm.push(performance.now() - start);
  }
  return { first, warm, errors, isolated: self.crossOriginIsolated };
}

export async function time(page, { calls = 20 } = {}) {
  return page.evaluate(measure, { calls });
}
