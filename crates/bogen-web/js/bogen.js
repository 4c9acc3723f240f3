// Bogen: forms for KIM case management, in the browser.
//
//   <script type="module" src="bogen.js"></script>
//   <bogen-form form="hilfeplan" lang="de"></bogen-form>     (the custom element, bogen-element.js)
//
//   import { mount } from './bogen.js';
//   const form = await mount(element, { form: 'hilfeplan', lang: 'de' });   (into the host's element)
//
// Everything is loaded from beside this file (engine and form bundles), so a page with
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'` and no third-party hosts works.
// Styles come from `bogen.css` beside this file; the engine sets no inline styles.
//
// Events on the element (they bubble):
//   bogen-change  detail {pointer}   a value changed (JSON pointer into the data)
//   bogen-submit  detail {record}    the person submitted and the data is valid
//   bogen-save    detail {record}    the person saved the record as a file
//   bogen-signed  detail {role, record}  a signature was made (role code as in `ui:signatures`);
//                                   `record` carries every signature and the data they cover
//   bogen-netzwerk-request  detail {lang}  the form needs the directory of Beratungsangebote;
//                                   answered by this module (the host need not listen)
//   bogen-error   detail {message, record}  the engine failed; `record` holds the last data so
//                                   the page can offer to save it. Do not log the record. Bogen
//                                   also shows a message before the element, with a link that
//                                   saves the record.
//
// Verdicts come from the validator module (`bogen_check.js`, `bogen_check_bg.wasm`: bogen-core's
// validator, the very one `bogen validate` runs), loaded once the first form is painted, so a
// form is usable after downloading the renderer alone. `mount` resolves once it is there; a
// submit made before waits for it.
//
// PDFs come from a second module (`bogen_pdf.js`, `bogen_pdf_bg.wasm`, `fonts/`), imported
// only when the first PDF is made (the toolbar's "PDF erstellen" or `form.pdf()`), so opening a
// form never downloads PDF code or fonts.
//
// Drafts (`drafts.js`, on unless `draft: false`): the record is saved encrypted in IndexedDB as
// the person types; a kept draft is offered when the form is mounted again.

import init, { mountBundle, mountCustom, netzwerkLoaded, validatorArrived } from './bogen_web.js';
import { defineElement } from './bogen-element.js';

// Subresource Integrity (sha384) of the files this module loads itself, written in by
// `cargo xtask build`; empty in the sources, where nothing is checked. The page's embed snippet
// carries the hashes of bogen.js and the modules it imports.
const INTEGRITY = /* integrity */ {};

/** A request for a file beside this module, checked against its hash when the build knows it. */
function request(path) {
  return new Request(new URL(path, import.meta.url), { integrity: INTEGRITY[path.slice(2)] ?? '' });
}
import { draftSettings, keepDrafts } from './drafts.js';

// The engine is fetched and compiled as soon as this module is imported, alongside whatever
// the host does before it calls mount (fetching data, say), not after.
const engine = init({ module_or_path: request('./bogen_web_bg.wasm') });
// A failure is reported by mount; until then it is no unhandled rejection.
engine.catch(() => {});

function start() {
  return engine;
}

// The validator module, loaded once per page, after the first form is painted (it is needed
// when a person leaves a field or submits, not to show the form); a failed load is tried again.
let validator;

function loadValidator() {
  validator ??= (async () => {
    await painted();
    const check = await import('./bogen_check.js');
    await check.default({ module_or_path: request('./bogen_check_bg.wasm') });
    validatorArrived({ compile: check.compile, violations: check.violations });
  })();
  validator.catch(() => {
    validator = undefined;
  });
  return validator;
}

/** Resolves after the next frame has been painted and the page is idle (or soon, if it stays busy). */
function painted() {
  return new Promise((resolve) => {
    const idle = () => (globalThis.requestIdleCallback ? requestIdleCallback(resolve, { timeout: 250 }) : setTimeout(resolve, 0));
    // A hidden page paints no frames: then the timer goes on alone.
    const timer = setTimeout(idle, 250);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(idle, 0);
    });
  });
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
 * @param {{form: string | {schema: object, uiSchema?: object, texts?: object}, data?: object, lang?: string,
 *   draft?: false | {expiryDays?: number, key?: string}}} options
 *   `form` is the id of a built-in form, or a form the host brings; `data` is where to start
 *   (defaults apply when absent); `draft` see drafts.js (encrypted autosave, on by default).
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
  const drafts = draftSettings(options.draft);
  const form = options.form;
  // Before mounting: the Screeningbogen asks for the directory while it first renders.
  element.addEventListener('bogen-netzwerk-request', onNetzwerkRequest);
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
  // Drafts listen from now on: the form takes input while the validator module loads.
  const keeping = keepDrafts(element, handle, drafts);
  try {
    await loadValidator();
    const problem = handle.schemaProblem();
    if (problem) {
      throw new Error(problem);
    }
  } catch (error) {
    keeping.then((kept) => kept?.stop());
    element.removeEventListener('bogen-netzwerk-request', onNetzwerkRequest);
    handle.destroy();
    throw error;
  }
  const kept = await keeping;
  return new BogenForm(handle, element, typeof form === 'string' ? lang : undefined, kept);
}

// The directory of Beratungsangebote (`forms/netzwerk.<lang>.json`), fetched only when a form
// asks for it (the Screeningbogen's suggestion and referral finder) and handed to the engine.
function onNetzwerkRequest(event) {
  const lang = event.detail?.lang;
  if (typeof lang !== 'string' || !NAME.test(lang)) {
    return;
  }
  fetchText(`./forms/netzwerk.${lang}.json`)
    .catch(() => fetchText('./forms/netzwerk.de.json'))
    .then(
      (text) => netzwerkLoaded(lang, text),
      () => netzwerkLoaded(lang, undefined),
    );
}

// The PDF module and its fonts, loaded once, on the first PDF; a failed load is tried again.
let press;

function pdfPress() {
  press ??= (async () => {
    const fonts = Promise.all(['Regular', 'Bold'].map((cut) => fetchBytes(`./fonts/NotoSans-${cut}.ttf`)));
    const pdf = await import('./bogen_pdf.js');
    await pdf.default({ module_or_path: new URL('./bogen_pdf_bg.wasm', import.meta.url) });
    const [regular, bold] = await fonts;
    return new pdf.Press(regular, bold);
  })();
  press.catch(() => {
    press = undefined;
  });
  return press;
}

// The Arabic fonts, added to the press once, for the first record with Arabic script in it.
let arabic;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

function arabicFonts(press, ...texts) {
  if (press.hasArabic() || !texts.some((text) => ARABIC.test(text))) {
    return undefined;
  }
  arabic ??= Promise.all(['Regular', 'Bold'].map((cut) => fetchBytes(`./fonts/NotoNaskhArabic-${cut}.ttf`)))
    .then(([regular, bold]) => {
      if (!press.hasArabic()) {
        press.addArabic(regular, bold);
      }
    })
    .finally(() => {
      arabic = undefined;
    });
  return arabic;
}

async function fetchBytes(path) {
  const response = await fetch(new URL(path, import.meta.url), { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`Bogen: ${path} could not be loaded (HTTP ${response.status})`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** `<form-id>-<YYYY-MM-DD>.<ext>`, today in the person's time zone: no personal data in names. */
function fileName(formId, ext) {
  const now = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${formId}-${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}.${ext}`;
}

/** A mounted form. */
class BogenForm {
  #handle;
  #element;
  #lang;
  #drafts;
  #onPdfRequest = () => this.#offerPdf();
  #onParticipantRequest = (event) => {
    this.setParticipantLang(event.detail?.lang || null).catch(() => this.#handle?.participantFailed());
  };

  /** `lang` is set for built-in forms, whose bundles in other languages can be fetched. */
  constructor(handle, element, lang, drafts) {
    this.#handle = handle;
    this.#element = element;
    this.#lang = lang;
    this.#drafts = drafts;
    element.addEventListener('bogen-pdf-request', this.#onPdfRequest);
    element.addEventListener('bogen-participant-request', this.#onParticipantRequest);
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

  /** Shows the form for reading only (inputs disabled; no add, remove, load or sign controls). */
  setReadOnly(readOnly) {
    this.#live().setReadOnly(Boolean(readOnly));
  }

  /**
   * Checks a Träger profile (object or JSON text; `undefined` when it could not be fetched) and
   * returns it as an object. With `prefill` the fields it answers (Träger, address, data
   * protection officer, Kommune) are filled in where still empty. Throws an Error whose message,
   * in the form's language, names what is wrong; the form stays as it was.
   */
  useProfile(profile, { prefill = false } = {}) {
    const text = profile === undefined || typeof profile === 'string' ? profile : JSON.stringify(profile);
    // A prefill sends no bogen-change (it is where the form starts), so it alone makes no draft.
    return JSON.parse(this.#live().useProfile(text, prefill));
  }

  /**
   * The participant's PDF of the current data (PDF/A-3a, the record attached), byte for byte
   * what `bogen pdf record.json` makes of the record `record()` returns. Only valid data becomes
   * a PDF: invalid data shows the messages (as `validate()` does) and rejects with an Error
   * whose `errors` holds `[{pointer, message}]`. The first call loads the PDF module.
   * @returns {Promise<Blob>}
   */
  async pdf() {
    return (await this.#makePdf()).blob;
  }

  async #makePdf() {
    const handle = this.#live();
    const errors = JSON.parse(handle.validate());
    if (errors.length > 0) {
      throw Object.assign(new Error('Bogen: the data is not valid; no PDF is made'), { errors });
    }
    const record = handle.record();
    const parsed = JSON.parse(record);
    const [press, bundle, german] = await Promise.all([pdfPress(), this.#bundleFor(parsed), this.#germanFor(parsed)]);
    await arabicFonts(press, record, bundle);
    const bytes = press.render(record, bundle, german);
    return { blob: new Blob([bytes], { type: 'application/pdf' }), record };
  }

  /**
   * The form in the record's language, as `bogen pdf` lays it out: a record loaded from another
   * language's session is printed in that language (German where a built-in form lacks it).
   */
  async #bundleFor(record) {
    if (this.#lang === undefined || record.lang === this.#lang || !NAME.test(record.lang)) {
      return this.#live().bundle();
    }
    const id = record.form.id;
    return fetchText(`./forms/${id}.${record.lang}.json`).catch(() => fetchText(`./forms/${id}.de.json`));
  }

  /**
   * The form in German beside a record in another language, as `bogen pdf` adds it: the forms
   * with a bilingual layout show the binding German text before the translation.
   */
  async #germanFor(record) {
    if (this.#lang === undefined || record.lang === 'de') {
      return undefined;
    }
    return this.#lang === 'de' ? this.#live().bundle() : fetchText(`./forms/${record.form.id}.de.json`);
  }

  /** The toolbar's "PDF erstellen": makes the PDF, offers it as a download, reports back. */
  async #offerPdf() {
    let name;
    try {
      const { blob, record } = await this.#makePdf();
      name = fileName(JSON.parse(record).form.id, 'pdf');
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      // Revoking at once can cancel the download.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      // Not logged: the message may quote form data. The status tells the person.
      name = undefined;
    }
    this.#handle?.pdfOutcome(name);
  }

  /**
   * The participant's language (`'ar'`, …), beside the working language: its texts show beneath
   * the working language's in mixed mode (switched on by this call) and the handover view is in
   * it. `null` removes it. Only for built-in forms; rejects if the language cannot be loaded.
   * @param {string | null} lang
   */
  async setParticipantLang(lang) {
    const handle = this.#live();
    if (lang === null || lang === undefined) {
      handle.setParticipant(undefined);
      return;
    }
    if (!NAME.test(lang) || this.#lang === undefined) {
      throw new TypeError(`Bogen: no participant language ${JSON.stringify(lang)} for this form`);
    }
    const bundle = await fetchText(`./forms/${handle.formId()}.${lang}.json`);
    this.#live().setParticipant(bundle);
  }

  /** The participant's language, or `null`. */
  participantLang() {
    return this.#live().participantLang() ?? null;
  }

  /** Mixed mode on or off: the participant's texts beneath the working language's. */
  setMixed(on) {
    this.#live().setMixed(Boolean(on));
  }

  /**
   * Removes the form from the page. The elements go with the engine's next render step; the
   * returned promise resolves once they are gone (await it before mounting into the same element).
   */
  destroy() {
    this.#element.removeEventListener('bogen-pdf-request', this.#onPdfRequest);
    this.#drafts?.stop();
    this.#drafts = undefined;
    this.#element.removeEventListener('bogen-netzwerk-request', onNetzwerkRequest);
    if (this.#handle) {
      this.#handle.destroy();
      this.#handle.free();
      this.#handle = undefined;
    }
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
}

defineElement({ mount, styles: new URL('./bogen.css', import.meta.url).href, stylesIntegrity: INTEGRITY['bogen.css'] });
