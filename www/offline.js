// The demo portal works offline after the first visit: its service worker (sw.js) keeps every
// file of the site. Registered once the form is on screen, so filling the cache never competes
// with opening the form.

/** Registers sw.js for the site; without service workers (or when refused) the portal works online as before. */
export function keepOffline() {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  // A failed registration (offline on a later visit, storage blocked) leaves the last worker in
  // charge, or none; the person sees nothing of it.
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).catch(() => {});
}
