// What the person sees of drafts: a region at the top of the mount element, before the form,
// that offers a draft left from before ("Fortsetzen" / "Entwurf verwerfen") and, while a draft
// is kept, says so and offers to discard it. Built from plain DOM inside the element the host
// passed to mount, so it works the same inside a shadow root; its texts come from the form's
// texts (`ui.draft.*`), in the form's language.

let regions = 0;

export class DraftRegion {
  #box;
  #text;
  #buttons;
  #ui;
  #lang;

  /**
   * @param {HTMLElement} element the mount element; the region becomes its first child
   * @param {{lang: string, ui: Record<string, string>}} texts the form's texts
   */
  constructor(element, texts) {
    this.#ui = texts.ui ?? {};
    this.#lang = texts.lang;
    const doc = element.ownerDocument;
    const id = `bogen-draft-${++regions}`;
    this.#box = doc.createElement('div');
    this.#box.className = 'bogen-draft';
    this.#box.setAttribute('role', 'group');
    this.#box.setAttribute('aria-labelledby', `${id}-text`);
    this.#box.lang = texts.lang;
    this.#box.dir = ['ar', 'fa'].includes(texts.lang) ? 'rtl' : 'ltr';
    // Focus goes here when the region asks something or its buttons go away.
    this.#box.tabIndex = -1;
    this.#box.hidden = true;
    this.#text = doc.createElement('p');
    this.#text.className = 'bogen-draft__text';
    this.#text.id = `${id}-text`;
    this.#buttons = doc.createElement('div');
    this.#buttons.className = 'bogen-draft__actions';
    this.#box.append(this.#text, this.#buttons);
    element.prepend(this.#box);
  }

  /** A text of the form's language with `{name}` placeholders filled. */
  text(key, values = {}) {
    const template = this.#ui[`draft.${key}`] ?? '';
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  /** A moment as people of the form's language write it (date and time). */
  when(ms) {
    try {
      return new Intl.DateTimeFormat(this.#lang, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
    } catch {
      return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
    }
  }

  /**
   * Shows `text` with `actions` (`[{label, primary, invisible, act}]`) and, with `focus`, moves
   * focus to the region so a screen reader reads the text and Tab reaches the buttons next. An
   * invisible button keeps its place (and is out of reach), so the form below does not jump
   * while the person types and the first draft is saved.
   */
  show(text, actions, { focus = false } = {}) {
    const doc = this.#box.ownerDocument;
    // A button that goes away must not take focus with it to the page's start.
    const focusWasInside = this.#box.contains(this.#box.getRootNode().activeElement ?? null);
    this.#text.textContent = text;
    this.#buttons.replaceChildren(
      ...actions.map(({ label, primary, invisible, act }) => {
        const button = doc.createElement('button');
        button.type = 'button';
        button.className = primary ? 'bogen-button' : 'bogen-button bogen-button--secondary';
        button.textContent = label;
        button.classList.toggle('bogen-draft__placeholder', Boolean(invisible));
        button.addEventListener('click', act);
        return button;
      }),
    );
    this.#buttons.hidden = actions.length === 0;
    this.#box.hidden = false;
    if (focus || focusWasInside) {
      this.#focusWhenShown();
    }
  }

  /**
   * <bogen-form> builds a form in an element it attaches to its shadow root only once the form
   * is ready, so the question may be asked before the region is in the page: focus then goes
   * to it in the first frames after it arrives.
   */
  #focusWhenShown(frames = 30) {
    if (this.#box.isConnected) {
      this.#box.focus();
    } else if (frames > 0) {
      requestAnimationFrame(() => this.#focusWhenShown(frames - 1));
    }
  }

  hide() {
    this.#box.hidden = true;
  }

  remove() {
    this.#box.remove();
  }
}
