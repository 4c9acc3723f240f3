// Bogen: forms for KIM case management, in the browser.
//
//   import { mount } from './bogen.js';
//   const form = await mount(element, { form: 'hilfeplan', lang: 'de' });
//
// Everything is loaded from beside this file (engine and form bundles), so a page with
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'` and no third-party hosts works.
// Styles come from `bogen.css` beside this file; the engine sets no inline styles.
//
// Events on the element (they bubble):
//   bogen-change  detail {pointer}   a value changed (JSON pointer into the data)
//   bogen-submit  detail {record}    the person submitted and the data is valid
//   bogen-save    detail {record}    the person saved the record as a file
//   bogen-error   detail {message, record}  the engine failed; `record` holds the last data so
//                                   the page can offer to save it. Do not log the record. Bogen
//                                   also shows a message before the element, with a link that
//                                   saves the record.

import init, { mountBundle, mountCustom } from './bogen_web.js';

// The engine is fetched and compiled as soon as this module is imported, alongside whatever
// the host does before it calls mount (fetching data, say), not after.
const engine = init({ module_or_path: new URL('./bogen_web_bg.wasm', import.meta.url) });
// A failure is reported by mount; until then it is no unhandled rejection.
engine.catch(() => {});

function start() {
  return engine;
}

async function fetchText(path) {
  const response = await fetch(new URL(path, import.meta.url), { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`Bogen: ${path} could not be loaded (HTTP ${response.status})`);
  }
  return response.text();
}

const NAME = /^[a-z0-9-]+$/;

/**
 * Renders a form into `element`.
 * @param {HTMLElement} element
 * @param {{form: string | {schema: object, uiSchema?: object, texts?: object}, data?: object, lang?: string}} options
 *   `form` is the id of a built-in form, or a form the host brings; `data` is where to start
 *   (defaults apply when absent).
 * @returns {Promise<BogenForm>}
 */
export async function mount(element, options = {}) {
  if (!(element instanceof HTMLElement)) {
    throw new TypeError('Bogen: mount needs an HTMLElement');
  }
  const lang = options.lang ?? 'de';
  if (!NAME.test(lang)) {
    throw new TypeError(`Bogen: unknown language ${JSON.stringify(lang)}`);
  }
  const data = options.data === undefined || options.data === null ? undefined : JSON.stringify(options.data);
  const form = options.form;
  let handle;
  if (typeof form === 'string') {
    if (!NAME.test(form)) {
      throw new TypeError(`Bogen: unknown form ${JSON.stringify(form)}`);
    }
    const [bundle] = await Promise.all([fetchText(`./forms/${form}.${lang}.json`), start()]);
    handle = mountBundle(element, bundle, data, lang);
  } else if (form && typeof form === 'object' && form.schema) {
    const [common] = await Promise.all([fetchText(`./forms/common.${lang}.json`), start()]);
    const texts = form.texts ? JSON.stringify({ lang, ...form.texts }) : undefined;
    handle = mountCustom(element, common, JSON.stringify(form.schema), JSON.stringify(form.uiSchema ?? {}), texts, data, lang);
  } else {
    throw new TypeError('Bogen: options.form must be a form id or {schema, uiSchema, texts}');
  }
  return new BogenForm(handle);
}

/** A mounted form. */
class BogenForm {
  #handle;

  constructor(handle) {
    this.#handle = handle;
  }

  #live() {
    if (!this.#handle) {
      throw new Error('Bogen: this form was destroyed');
    }
    return this.#handle;
  }

  /** The current data (a copy). */
  data() {
    return JSON.parse(this.#live().data());
  }

  /** Replaces the data and renders the form anew. */
  setData(data) {
    this.#live().setData(JSON.stringify(data ?? {}));
  }

  /** Shows all messages as a submit attempt does; returns `[{pointer, message}]`, empty when valid. */
  validate() {
    return JSON.parse(this.#live().validate());
  }

  /** The record envelope of the current data; `created` stays that of the first save. */
  record() {
    return JSON.parse(this.#live().record());
  }

  /**
   * Loads a record (object or JSON text). Returns the notices the person should read (e.g. an
   * older form version). Throws an Error with a German message and changes nothing if the
   * record cannot be loaded.
   */
  load(record) {
    const text = typeof record === 'string' ? record : JSON.stringify(record);
    return JSON.parse(this.#live().load(text));
  }

  /**
   * Removes the form from the page. The elements go with the engine's next render step; the
   * returned promise resolves once they are gone (await it before mounting into the same element).
   */
  destroy() {
    if (this.#handle) {
      this.#handle.destroy();
      this.#handle.free();
      this.#handle = undefined;
    }
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
}
