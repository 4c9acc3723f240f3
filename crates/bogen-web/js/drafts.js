// Drafts: what a person typed survives a reload, a crashed tab and going offline. Every change
// and signature is saved as the form's record (data and signatures), debounced, and at once when
// the page is hidden or left; encrypted in IndexedDB (draft-store.js). When a form is mounted
// and a draft of it is kept, the person is asked whether to continue it (draft-region.js).
// Submitting deletes the draft, and so does "Entwurf verwerfen"; a draft older than the host's
// expiry (default 7 days after its last save) is deleted the next time any form is mounted.
//
// Host options (`mount(element, {…, draft})`):
//   draft: false                        no drafts
//   draft: {expiryDays: 7, key: 'x'}    expiry, and a slot so two embedded forms of the same form
//                                       keep separate drafts (default slot: the form id)

import { DraftRegion } from './draft-region.js';
import { deleteDraft, deleteExpired, draftId, readDraft, writeDraft } from './draft-store.js';

const DAY = 86_400_000;
/** Long enough to save once per burst of typing, short enough that little is lost in a crash. */
const QUIET = 300;
/** How long mount waits for the draft storage before it goes on without drafts (ms). */
const STORAGE_WAIT = 5000;

/**
 * Drafts this page has offered or kept already: the same form mounted again in this page (the
 * portal does so to change the language, and carries the record over itself) is not asked about
 * its own draft.
 */
const known = new Set();

/**
 * The host's `draft` option checked, before anything is mounted: `null` for no drafts, else the
 * lifetime in ms and the slot. Throws a TypeError naming the option when it makes no sense.
 */
export function draftSettings(option) {
  if (option === false) {
    return null;
  }
  const given = option === undefined || option === null || option === true ? {} : option;
  if (typeof given !== 'object') {
    throw new TypeError('Bogen: options.draft must be false or {expiryDays, key}');
  }
  const days = given.expiryDays ?? 7;
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) {
    throw new TypeError(`Bogen: options.draft.expiryDays must be a positive number of days, not ${String(days)}`);
  }
  const slot = given.key;
  if (slot !== undefined && (typeof slot !== 'string' || slot.length === 0 || slot.length > 200)) {
    throw new TypeError('Bogen: options.draft.key must be a text of 1 to 200 characters');
  }
  return { lifetime: days * DAY, slot };
}

/**
 * Starts keeping drafts of the form `handle` mounted in `element`. Resolves once a kept draft
 * is offered, with an object whose `stop()` saves what is pending and removes the region; or
 * with undefined when drafts are off or the browser cannot keep them (no IndexedDB, storage
 * blocked): the form works the same, only without drafts.
 */
export async function keepDrafts(element, handle, settings) {
  if (!settings || !globalThis.indexedDB || !globalThis.crypto?.subtle) {
    return undefined;
  }
  const keeper = new DraftKeeper(element, handle, settings);
  let timer;
  // Storage that does not answer (a browser bug, a blocked database) must not keep the form
  // from the person: after a few seconds it opens without drafts.
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('draft storage did not answer')), STORAGE_WAIT);
  });
  try {
    await Promise.race([keeper.start(), late]);
    return keeper;
  } catch {
    // Not logged: nothing here is for the console, and the form is usable without drafts.
    keeper.stop();
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

class DraftKeeper {
  #element;
  #handle;
  #settings;
  #id;
  #formId;
  #region;
  #timer;
  /** Saves and deletes one after another, so an older save never lands after a newer one. */
  #queue = Promise.resolve();
  /** Changes not saved yet. */
  #dirty = false;
  #ready = false;
  /** While a kept draft is offered, it is not overwritten by the fresh form. */
  #offering = false;
  #stopped = false;
  #window;

  #onChange = () => this.#changed();
  #onSubmit = () => this.#submitted();
  #onPageHide = () => this.#flush();
  #onVisibility = () => {
    if (this.#element.ownerDocument.visibilityState === 'hidden') {
      this.#flush();
    }
  };

  constructor(element, handle, settings) {
    this.#element = element;
    this.#handle = handle;
    this.#settings = settings;
    // At once, so a change while the store opens is not missed.
    element.addEventListener('bogen-change', this.#onChange);
    element.addEventListener('bogen-signed', this.#onChange);
    element.addEventListener('bogen-submit', this.#onSubmit);
    this.#window = element.ownerDocument.defaultView;
    this.#window?.addEventListener('pagehide', this.#onPageHide);
    element.ownerDocument.addEventListener('visibilitychange', this.#onVisibility);
  }

  async start() {
    const texts = JSON.parse(this.#handle.bundle()).texts;
    this.#formId = JSON.parse(this.#handle.record()).form.id;
    this.#id = await draftId(this.#formId, this.#settings.slot ?? this.#formId);
    await deleteExpired(Date.now());
    const found = await readDraft(this.#id);
    if (this.#stopped) {
      return;
    }
    this.#region = new DraftRegion(this.#element, texts);
    if (found && !known.has(this.#id)) {
      this.#offer(found);
    } else {
      this.#showNotice(Boolean(found));
    }
    known.add(this.#id);
    this.#ready = true;
    if (this.#dirty && !this.#offering) {
      this.#schedule();
    }
  }

  /** Saves what is pending (the record is read now, while the form is still there) and lets go. */
  stop() {
    if (this.#ready && !this.#offering) {
      this.#flush();
    }
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#element.removeEventListener('bogen-change', this.#onChange);
    this.#element.removeEventListener('bogen-signed', this.#onChange);
    this.#element.removeEventListener('bogen-submit', this.#onSubmit);
    this.#window?.removeEventListener('pagehide', this.#onPageHide);
    this.#element.ownerDocument.removeEventListener('visibilitychange', this.#onVisibility);
    this.#region?.remove();
  }

  #text(key, values) {
    return this.#region.text(key, values);
  }

  #discardAction() {
    return { label: this.#text('discard'), act: () => this.#discard() };
  }

  /** The standing notice; the discard button only takes its place (invisible) while no draft is kept. */
  #showNotice(kept) {
    this.#region.show(this.#text('notice'), [{ ...this.#discardAction(), invisible: !kept }]);
  }

  #offer(found) {
    this.#offering = true;
    const date = this.#region.when(found.savedAt);
    const actions = [
      { label: this.#text('continue'), primary: true, act: () => this.#continue(found, date) },
      this.#discardAction(),
    ];
    this.#region.show(this.#text('offer', { date }), actions, { focus: true });
  }

  #continue(found, date) {
    this.#offering = false;
    try {
      this.#handle.load(found.text);
    } catch (error) {
      // The engine's message is for people, in the form's language; the draft stays until
      // the person discards it or the next change replaces it.
      this.#region.show(this.#text('failed', { reason: error.message }), [this.#discardAction()]);
      return;
    }
    // What was typed while the question stood is replaced by the draft.
    this.#dirty = false;
    this.#region.show(this.#text('restored', { date }), [this.#discardAction()]);
  }

  #discard() {
    this.#forget(() => this.#region.show(this.#text('discarded'), []));
  }

  /** Deletes the stored draft and forgets pending changes; `after` then updates the region. */
  #forget(after) {
    clearTimeout(this.#timer);
    this.#offering = false;
    this.#dirty = false;
    this.#enqueue(async () => {
      await deleteDraft(this.#id);
      if (!this.#stopped) {
        after();
      }
    });
  }

  #changed() {
    this.#dirty = true;
    if (this.#ready && !this.#offering && !this.#stopped) {
      this.#schedule();
    }
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#save(), QUIET);
  }

  #flush() {
    if (this.#ready && !this.#offering && this.#dirty) {
      this.#save();
    }
  }

  #save() {
    clearTimeout(this.#timer);
    if (!this.#dirty || this.#stopped) {
      return;
    }
    this.#dirty = false;
    let text;
    try {
      text = this.#handle.record();
    } catch {
      return;
    }
    const entry = { id: this.#id, formId: this.#formId, text, lifetime: this.#settings.lifetime };
    this.#enqueue(async () => {
      await writeDraft(entry);
      if (!this.#stopped) {
        this.#showNotice(true);
      }
    });
  }

  #submitted() {
    this.#forget(() => this.#showNotice(false));
  }

  #enqueue(step) {
    // A failed step (storage full, blocked) loses only that save; the next change tries again.
    this.#queue = this.#queue.then(step).catch(() => {});
  }
}
