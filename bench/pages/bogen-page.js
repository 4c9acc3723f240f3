// Bogen as a host page uses it: `mount` from the public module, the case (`?case=wide64`) and
// its data fetched as JSON. With `live=1` the page makes one submit attempt (`validate()`)
// right after mounting, after which Bogen updates its messages as people type.
import { mount } from '../bogen.js';

async function main() {
  const query = new URLSearchParams(location.search);
  const response = await fetch(`cases/${encodeURIComponent(query.get('case'))}.bogen.json`);
  if (!response.ok) throw new Error(`case ${query.get('case')}: HTTP ${response.status}`);
  const { form, data } = await response.json();
  const handle = await mount(document.getElementById('app'), { form, data, lang: 'de' });
  // `mount` resolves once the validator module has arrived, after the form was painted.
  console.debug(`bench:ready ${performance.now()}`);
  if (query.get('live') === '1') handle.validate();
  window.benchApp = {
    // The first `pdf()` (loads the PDF module and fonts) and `repeats` more, each timed alone.
    async pdfTimes(repeats) {
      let start = performance.now();
      const blob = await handle.pdf();
      const first = performance.now() - start;
      const warm = [];
      for (let i = 0; i < repeats; i += 1) {
        start = performance.now();
        await handle.pdf();
        warm.push(performance.now() - start);
      }
      return { first, warm, bytes: blob.size };
    },
    // Bogen compiles the schema when its validator module arrives, before `mount` resolves
    // (after the first usable input), and keeps its verdict until the data changes: handing the same data back with
    // setData makes the next validate() validate again.
    validation() {
      const data = handle.data();
      return { run: () => handle.validate(), reset: () => handle.setData(data) };
    },
  };
}

main().catch((e) => {
  console.error(`bench:error ${e && e.stack ? e.stack : e}`);
});
