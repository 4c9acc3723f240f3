// Bogen's forms live in the open shadow root of <bogen-form>. Playwright's locators (CSS,
// getByRole, getByLabel) pierce open shadow roots by themselves; code that runs in the page
// (evaluate, waitForFunction) does not: `document.getElementById` finds nothing inside a shadow
// root and `document.activeElement` names the <bogen-form> host, not the field. These helpers
// hand such code the right tree.

/**
 * A handle to the tree the form's elements are in: the shadow root of the first element that
 * matches `host` (default: the first <bogen-form>), or the document for a form mounted in the page.
 */
export function formRoot(page, host = 'bogen-form') {
  return page.evaluateHandle((selector) => document.querySelector(selector)?.shadowRoot ?? document, host);
}

/** A handle to the focused element, looking into shadow roots. */
export function activeElement(page) {
  return page.evaluateHandle(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) {
      active = active.shadowRoot.activeElement;
    }
    return active;
  });
}

/** Whether the element of `locator` has focus (in its own tree, page or shadow root). */
export function isFocused(locator) {
  return locator.evaluate((e) => e.getRootNode().activeElement === e && e.ownerDocument.hasFocus());
}
