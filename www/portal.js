// The demo portal of a Träger: shows the form named by `?form=…` in <bogen-form>, switches its
// language with the language menu (the element keeps what was typed) and asks before the page
// is left with unsaved input.

import './bogen.js';
import { keepOffline } from './offline.js';

const FORMS = ['screening', 'assessment', 'datenschutz', 'hilfeplan'];
const params = new URLSearchParams(window.location.search);
const requested = params.get('form');
const formId = FORMS.includes(requested) ? requested : FORMS[0];

// Each language named in itself, so a participant finds theirs without reading German.
const LANGUAGES = {
  de: 'Deutsch',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی',
  uk: 'Українська',
  ru: 'Русский',
  tr: 'Türkçe',
  ro: 'Română',
  bg: 'Български',
};

for (const link of document.querySelectorAll('.portal-picker a')) {
  if (link.dataset.form === formId) {
    link.setAttribute('aria-current', 'page');
  }
}

const element = document.getElementById('formular');
let unsaved = false;

element.addEventListener('bogen-change', () => {
  unsaved = true;
});
for (const name of ['bogen-save', 'bogen-submit']) {
  // A real portal hands event.detail.record to its case store on submit.
  element.addEventListener(name, () => {
    unsaved = false;
  });
}
window.addEventListener('beforeunload', (event) => {
  if (unsaved) {
    event.preventDefault();
    event.returnValue = '';
  }
});

/** The languages the form has texts in, from the bundle index (German alone if that fails). */
async function languagesOf(id) {
  try {
    const response = await fetch(new URL('forms/index.json', import.meta.url));
    const entry = (await response.json()).find((f) => f.id === id);
    return entry.languages.filter((l) => l in LANGUAGES);
  } catch {
    return ['de'];
  }
}

const picker = document.getElementById('sprache');
const languages = await languagesOf(formId);
const wanted = params.get('lang');
const lang = languages.includes(wanted) ? wanted : 'de';
picker.replaceChildren(
  ...languages.map((code) => {
    const option = document.createElement('option');
    option.value = code;
    option.lang = code;
    option.textContent = LANGUAGES[code];
    option.selected = code === lang;
    return option;
  }),
);

element.addEventListener('bogen-ready', () => {
  keepOffline();
  const title = element.shadowRoot.querySelector('h1');
  if (title) {
    document.title = `${title.textContent} – Beispielträger – KIM Case Management`;
  }
  const url = new URL(window.location.href);
  url.searchParams.set('lang', element.lang);
  window.history.replaceState(null, '', url);
});

element.lang = lang;
element.form = formId;

// Another language shows the same record: the element keeps data and signatures (codes and
// ISO dates) and changes only the texts.
picker.addEventListener('change', () => {
  element.lang = picker.value;
});
