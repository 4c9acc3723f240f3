// <bogen-form form="hilfeplan" lang="de" readonly profile="traeger.json"></bogen-form>
//
// The custom element a Träger site embeds; `bogen.js` defines it when loaded. It is built on
// `mount()`: the element keeps one mounted form in an open shadow root, so the host page's CSS
// cannot reach inside by accident (no selector of the page matches there), while the documented
// custom properties (`--bogen-*`) inherit into it and `::part()` names what a host may style on
// purpose. `::part()` only exists for shadow trees, which is why the root is open and not a
// scoped class. The styles are `bogen.css` from beside this file, linked inside the shadow
// root, which `style-src 'self'` allows; nothing sets an inline style.
//
// Attributes: form (form id), lang (language code), readonly (boolean), profile (URL of the
// Träger profile, same origin). Properties: form, lang, readOnly, profile (URL text or the
// profile as an object), ready (a promise of the element once its form is on screen).
// Attributes for drafts (read when the form is mounted): draft="off", draft-key (the slot; two
// elements showing the same form need two), draft-expiry-days (default 7).
// Methods: data(), setData(obj), validate(), record(), load(record), pdf(),
// setParticipantLang(lang), participantLang(), setMixed(on) as on BogenForm;
// setData before the form is on screen sets the data it starts with. Form data is never an
// attribute: attributes land in page sources, caches and logs.
//
// Events from the form (bogen-change, bogen-submit, bogen-save, bogen-signed, bogen-error)
// bubble and are composed, so the page hears them on the element or on `document`, with the
// element as `event.target`. `bogen-ready` tells that a form (or a new language) is on screen.

const NAME = /^[a-z0-9-]+$/;
const UNAVAILABLE = Symbol('unavailable');

/**
 * Defines `<bogen-form>` on top of `mount` from `bogen.js`; `styles` is the URL of bogen.css and
 * `stylesIntegrity` its hash, when the build wrote one in.
 */
export function defineElement({ mount, styles, stylesIntegrity }) {
  if (customElements.get('bogen-form')) {
    return;
  }

  class BogenFormElement extends HTMLElement {
    static observedAttributes = ['form', 'lang', 'readonly', 'profile'];

    #shadow;
    #header;
    #problem;
    #host;
    /** The mounted BogenForm and what it shows: `{id, lang}`. */
    #form;
    #shown;
    /** Data to start with (setData before mount), or the record of a form taken down. */
    #pending;
    #record;
    /** The profile object set as property, or the URL of the attribute. */
    #profile;
    #profileUrl;
    #queue = Promise.resolve();
    #styled;

    constructor() {
      super();
      this.#shadow = this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      if (stylesIntegrity) {
        link.integrity = stylesIntegrity;
      }
      link.href = styles;
      // Rendering waits for the styles, so the form never shows unstyled for a moment.
      this.#styled = new Promise((resolve) => {
        link.addEventListener('load', resolve, { once: true });
        link.addEventListener('error', resolve, { once: true });
      });
      this.#header = document.createElement('div');
      this.#header.className = 'bogen-traeger';
      this.#header.setAttribute('part', 'traeger');
      this.#header.hidden = true;
      this.#problem = document.createElement('div');
      this.#problem.setAttribute('role', 'alert');
      this.#host = this.#newHost();
      this.#shadow.append(link, this.#header, this.#problem, this.#host);
    }

    #newHost() {
      const host = document.createElement('div');
      host.className = 'bogen-host';
      return host;
    }

    connectedCallback() {
      this.#schedule();
    }

    disconnectedCallback() {
      // Moving the element disconnects and connects it in one task: only an element that stays
      // out of the page gives up its form, keeping the record for when it comes back.
      queueMicrotask(() => {
        if (!this.isConnected) {
          this.#schedule();
        }
      });
    }

    attributeChangedCallback(name, before, now) {
      if (before === now) {
        return;
      }
      if (name === 'readonly') {
        this.#form?.setReadOnly(now !== null);
      } else if (name === 'profile') {
        this.#profileUrl = now;
        this.#profile = undefined;
        this.#schedule(true);
      } else {
        this.#schedule();
      }
    }

    get form() {
      return this.getAttribute('form');
    }

    set form(id) {
      this.setAttribute('form', id);
    }

    get readOnly() {
      return this.hasAttribute('readonly');
    }

    set readOnly(on) {
      this.toggleAttribute('readonly', Boolean(on));
    }

    get profile() {
      return this.#profile ?? this.getAttribute('profile');
    }

    /** A URL (as the attribute) or the profile itself as an object. */
    set profile(value) {
      if (typeof value === 'string') {
        this.setAttribute('profile', value);
        return;
      }
      this.#profileUrl = undefined;
      this.#profile = value ?? undefined;
      this.#schedule(true);
    }

    /** Resolves with the element once the form asked for is on screen (or failed to come). */
    get ready() {
      return this.#queue.then(() => this);
    }

    #live() {
      if (!this.#form) {
        throw new Error('Bogen: the form is not on screen yet; await element.ready');
      }
      return this.#form;
    }

    data() {
      if (!this.#form) {
        return structuredClone(this.#record?.data ?? this.#pending ?? {});
      }
      return this.#form.data();
    }

    setData(data) {
      if (!this.#form) {
        this.#record = undefined;
        this.#pending = structuredClone(data ?? {});
        return;
      }
      this.#form.setData(data);
    }

    validate() {
      return this.#live().validate();
    }

    record() {
      return this.#live().record();
    }

    load(record) {
      return this.#live().load(record);
    }

    pdf() {
      return this.#live().pdf();
    }

    /** The participant's language beside the working one (mixed mode, handover); a Promise. */
    setParticipantLang(lang) {
      return this.#live().setParticipantLang(lang);
    }

    participantLang() {
      return this.#live().participantLang();
    }

    setMixed(on) {
      this.#live().setMixed(on);
    }

    /**
     * The `draft` option of mount from the attributes: `draft="off"` keeps no draft,
     * `draft-key` names the slot (two elements with the same form need two), `draft-expiry-days`
     * how long a draft is kept. A wrong value fails the mount with a message naming it.
     */
    #draftOption() {
      if (this.getAttribute('draft') === 'off') {
        return false;
      }
      const option = {};
      const key = this.getAttribute('draft-key');
      if (key !== null) {
        option.key = key;
      }
      const days = this.getAttribute('draft-expiry-days');
      if (days !== null) {
        option.expiryDays = Number(days);
      }
      return option;
    }

    /** Renders again once the present rendering is done; `profile` re-reads the profile. */
    #schedule(profile = false) {
      this.#queue = this.#queue.then(() => this.#render(profile)).catch(() => {});
    }

    async #render(profileChanged) {
      if (!this.isConnected) {
        await this.#takeDown();
        return;
      }
      const id = this.getAttribute('form');
      const lang = this.getAttribute('lang') || 'de';
      if (!id || !NAME.test(id) || !NAME.test(lang)) {
        return;
      }
      if (this.#shown && this.#shown.id === id && this.#shown.lang === lang) {
        if (profileChanged) {
          this.#applyProfile(this.#form, await this.#profileSource(), false);
        }
        return;
      }
      const profile = this.#profileSource();
      await this.#styled;
      // The new form is built beside the old one and takes its place only when it is ready, so a
      // language that fails to load leaves the form and what was typed as they were. The first
      // form goes straight into place: it is usable once painted, before `mount` resolves
      // (which waits for the validator module); unless it is read-only, which it becomes only
      // after mounting.
      const keep = this.#shown?.id === id ? this.#form.record() : this.#shown ? undefined : this.#record;
      const fresh = !keep && this.#pending === undefined;
      const host = this.#form || this.readOnly ? this.#newHost() : this.#host;
      let form;
      try {
        form = await mount(host, { form: id, lang, data: this.#pending, draft: this.#draftOption() });
        if (keep) {
          form.load(keep);
        }
      } catch (error) {
        form?.destroy();
        if (host === this.#host) {
          host.replaceChildren();
        }
        this.#fail(error, keep);
        return;
      }
      form.setReadOnly(this.readOnly);
      this.#applyProfile(form, await profile, fresh);
      const old = this.#form;
      if (host !== this.#host) {
        this.#host.replaceWith(host);
        this.#host = host;
      }
      this.#form = form;
      this.#shown = { id, lang };
      this.#pending = undefined;
      this.#record = undefined;
      this.dispatchEvent(new CustomEvent('bogen-ready', { bubbles: true, composed: true }));
      await old?.destroy();
    }

    /** The element left the page: its form goes, its record stays for a return. */
    async #takeDown() {
      if (!this.#form) {
        return;
      }
      this.#record = this.#form.record();
      const old = this.#form;
      this.#form = undefined;
      this.#shown = undefined;
      this.#host.replaceChildren();
      await old.destroy();
    }

    /** Tells the page (bogen-error) that the form could not be shown; the record stays with it. */
    #fail(error, record) {
      this.dispatchEvent(
        new CustomEvent('bogen-error', {
          bubbles: true,
          composed: true,
          detail: { message: String(error?.message ?? error), record: record ?? null },
        }),
      );
    }

    /** The profile set as property, the text behind the attribute's URL, or none. */
    async #profileSource() {
      if (this.#profile !== undefined) {
        return this.#profile;
      }
      return this.#profileUrl ? this.#fetchProfile(this.#profileUrl) : undefined;
    }

    /**
     * Shows the Träger's name and logo and, on a form that starts empty, fills in what the
     * profile knows. A profile that cannot be used is named in a message in the form's
     * language; the form stays usable.
     */
    #applyProfile(form, source, fresh) {
      this.#problem.replaceChildren();
      this.#header.replaceChildren();
      this.#header.hidden = true;
      if (source === undefined) {
        return;
      }
      let profile;
      try {
        profile = form.useProfile(source === UNAVAILABLE ? undefined : source, { prefill: fresh });
      } catch (error) {
        const p = document.createElement('p');
        p.className = 'bogen-profile-problem';
        p.setAttribute('part', 'profile-problem');
        p.lang = this.getAttribute('lang') || 'de';
        p.textContent = error.message;
        this.#problem.append(p);
        return;
      }
      this.#showTraeger(profile);
    }

    /** The profile's text from a same-origin URL, or UNAVAILABLE when it cannot be had. */
    async #fetchProfile(address) {
      try {
        const url = new URL(address, document.baseURI);
        if (url.origin !== window.location.origin) {
          return UNAVAILABLE;
        }
        const response = await fetch(url, { credentials: 'same-origin' });
        return response.ok ? await response.text() : UNAVAILABLE;
      } catch {
        return UNAVAILABLE;
      }
    }

    #showTraeger(profile) {
      if (profile.logo) {
        const logo = document.createElement('img');
        logo.className = 'bogen-traeger__logo';
        logo.setAttribute('part', 'traeger-logo');
        logo.src = new URL(profile.logo, document.baseURI).href;
        // The name stands beside it, so the logo is decoration for screen readers.
        logo.alt = '';
        this.#header.append(logo);
      }
      const name = document.createElement('span');
      name.className = 'bogen-traeger__name';
      name.textContent = profile.name;
      this.#header.append(name);
      this.#header.hidden = false;
    }
  }

  customElements.define('bogen-form', BogenFormElement);
}
