// Debian's Chromium, headless, without anything that talks to the network or runs in the
// background, so both apps share the same quiet browser. Each navigation gets a fresh context:
// an empty HTTP and code cache, as on a first visit.

import { chromium } from 'playwright-core';

export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launch(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: FLAGS });
}

/// Runs `f(page)` in a new context and closes it afterwards, whatever happens.
export async function withPage(browser, f) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    return await f(await context.newPage());
  } finally {
    await context.close();
  }
}
