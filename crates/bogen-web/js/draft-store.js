// Where drafts live: the browser's IndexedDB, each entry encrypted with AES-GCM under one key
// that was made in this browser as non-extractable, so no script (the page's own included) can
// read the key's bytes, and a copy of the database files is unreadable without the browser
// profile that holds it. An entry holds nothing readable about the person: its id is a digest
// of form id and slot (a host's slot may be a case number), the record is ciphertext.
//
//   {id, formId, iv, ciphertext, savedAt, expiresAt}   (times in ms since 1970)

const DATABASE = 'bogen-drafts';
const DRAFTS = 'drafts';
const KEYS = 'keys';
const KEY_NAME = 'draft-key';

/** A request's result as a promise. */
function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves when the transaction has committed, so a deleted draft is really gone. */
function committed(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('transaction aborted'));
  });
}

const utf8 = new TextEncoder();

let opened;

/** The database, opened once per page; a failed open is tried again by the next caller. */
function database() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(DRAFTS, { keyPath: 'id' });
      request.result.createObjectStore(KEYS);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('draft database blocked'));
  });
  opened.catch(() => {
    opened = undefined;
  });
  return opened;
}

let key;

/**
 * The one draft key of this browser (origin). Made on first use; when two forms on a page make
 * one at the same time, the first stored wins and both use it, so no draft is left encrypted
 * under a key that was thrown away.
 */
function draftKey() {
  key ??= (async () => {
    const db = await database();
    const stored = await done(db.transaction(KEYS).objectStore(KEYS).get(KEY_NAME));
    if (stored) {
      return stored;
    }
    const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    // Read and write in one transaction: nothing can come in between.
    const transaction = db.transaction(KEYS, 'readwrite');
    const store = transaction.objectStore(KEYS);
    let winner = fresh;
    store.get(KEY_NAME).onsuccess = (event) => {
      if (event.target.result) {
        winner = event.target.result;
      } else {
        store.put(fresh, KEY_NAME);
      }
    };
    await committed(transaction);
    return winner;
  })();
  key.catch(() => {
    key = undefined;
  });
  return key;
}

/** Hex SHA-256 of the form id and slot: the entry's id, so a case number in a slot is not stored. */
export async function draftId(formId, slot) {
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(JSON.stringify([formId, slot])));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Deletes every draft whose time is up, of any form and slot; `now` in ms. */
export async function deleteExpired(now) {
  const db = await database();
  const transaction = db.transaction(DRAFTS, 'readwrite');
  transaction.objectStore(DRAFTS).openCursor().onsuccess = (event) => {
    const cursor = event.target.result;
    if (cursor) {
      if (!(cursor.value.expiresAt > now)) {
        cursor.delete();
      }
      cursor.continue();
    }
  };
  await committed(transaction);
}

/**
 * The draft `id` decrypted: `{text, savedAt}`, or undefined if there is none. A draft that
 * cannot be decrypted (the key was deleted with the site's data, the entry was altered) is of
 * use to no one and is deleted.
 */
export async function readDraft(id) {
  const db = await database();
  const entry = await done(db.transaction(DRAFTS).objectStore(DRAFTS).get(id));
  if (!entry) {
    return undefined;
  }
  const secret = await draftKey();
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: entry.iv, additionalData: utf8.encode(id) },
      secret,
      entry.ciphertext,
    );
    return { text: new TextDecoder().decode(plain), savedAt: entry.savedAt };
  } catch {
    await deleteDraft(id);
    return undefined;
  }
}

/**
 * Encrypts `text` (a record) under a fresh 96-bit IV and stores it as draft `id`, replacing the
 * one before. The id is bound to the ciphertext as associated data, so an entry copied to
 * another slot does not decrypt. Returns the time it was saved.
 */
export async function writeDraft({ id, formId, text, lifetime }) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8.encode(id) },
    await draftKey(),
    utf8.encode(text),
  );
  const savedAt = Date.now();
  const db = await database();
  const transaction = db.transaction(DRAFTS, 'readwrite');
  transaction.objectStore(DRAFTS).put({ id, formId, iv, ciphertext, savedAt, expiresAt: savedAt + lifetime });
  await committed(transaction);
  return savedAt;
}

/** Deletes draft `id` (nothing happens if there is none). */
export async function deleteDraft(id) {
  const db = await database();
  const transaction = db.transaction(DRAFTS, 'readwrite');
  transaction.objectStore(DRAFTS).delete(id);
  await committed(transaction);
}
