// axe-core set up for pages with Bogen: WCAG 2.1 A and AA, and no CSSOM preload. The preload
// copies every stylesheet a shadow root links (bogen.css inside <bogen-form>) into an inline
// <style>, which the portal's strict policy blocks with a console error; no A/AA rule needs it.

import AxeBuilder from '@axe-core/playwright';

/** An axe run over `page` with Bogen's settings; call `.analyze()` on it. */
export function wcag21(page) {
  return new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ preload: false });
}
