// The demo portal of a Träger: picks the form from `?form=…`, mounts it and keeps what was
// typed from being lost by leaving the page by accident.

import { mount } from './bogen.js';

const FORMS = ['screening', 'assessment', 'datenschutz', 'hilfeplan'];
const requested = new URLSearchParams(window.location.search).get('form');
const formId = FORMS.includes(requested) ? requested : FORMS[0];

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

try {
  await mount(host, { form: formId, lang: 'de' });
  const title = host.querySelector('h1');
  if (title) {
    document.title = `${title.textContent} – Beispielträger – KIM Case Management`;
  }
} catch {
  host.replaceChildren();
  showProblem('Das Formular konnte nicht geladen werden. Bitte laden Sie die Seite neu oder versuchen Sie es später noch einmal.');
}
