// The demo portal of a Träger: picks the form from `?form=…`, mounts it and keeps what was
// typed from being lost by leaving the page by accident.

import { mount } from './bogen.js';
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

const host = document.getElementById('formular');
const problem = document.getElementById('problem');
let unsaved = false;

function showProblem(text) {
  problem.replaceChildren();
  const p = document.createElement('p');
  p.className = 'portal-problem';
  p.textContent = text;
  problem.append(p);
}

host.addEventListener('bogen-change', () => {
  unsaved = true;
});
host.addEventListener('bogen-save', () => {
  unsaved = false;
});
host.addEventListener('bogen-submit', () => {
  // A real portal hands event.detail.record to its case store here.
  unsaved = false;
});
// On `bogen-error` Bogen shows its own message with a link that saves what was typed; a real
// portal would also hand event.detail.record to its case store.
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
let lang = languages.includes(wanted) ? wanted : 'de';
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

let form;

function titleThePage() {
  const title = host.querySelector('h1');
  if (title) {
    document.title = `${title.textContent} – Beispielträger – KIM Case Management`;
  }
}

try {
  form = await mount(host, { form: formId, lang });
  titleThePage();
  keepOffline();
} catch {
  host.replaceChildren();
  showProblem('Das Formular konnte nicht geladen werden. Bitte laden Sie die Seite neu oder versuchen Sie es später noch einmal.');
}

// Another language shows the same record: data and signatures are language-neutral codes and
// ISO dates, so the record moves over whole and only the texts change.
picker.addEventListener('change', async () => {
  if (!form) {
    return;
  }
  const next = picker.value;
  const record = form.record();
  await form.destroy();
  try {
    form = await mount(host, { form: formId, lang: next });
    form.load(record);
    lang = next;
    const url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    window.history.replaceState(null, '', url);
    titleThePage();
  } catch {
    showProblem('Die Sprache konnte nicht gewechselt werden. Ihre Eingaben sind als Datei sicherbar.', record);
  }
});
