// The browser the end-to-end tests run in: Debian's Chromium driven by playwright-core, one
// browser per test file and a fresh context (cookies, storage, downloads) per test.
//
// Every test ends with the same checks: the page logged no error, threw nothing, no request
// failed or came back with an error status, and nothing was fetched from another origin than
// the site's (Bogen promises no network at run time beyond its own files).

import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

if (!process.env.BOGEN_URL) {
  throw new Error('BOGEN_URL must name the served site, e.g. http://127.0.0.1:8080/');
}

/** The site's base URL, with a trailing slash. */
export const BASE = process.env.BOGEN_URL.endsWith('/') ? process.env.BOGEN_URL : `${process.env.BOGEN_URL}/`;
const ORIGIN = new URL(BASE).origin;

export const VIEWPORT = { width: 1280, height: 900 };

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Whether a URL is the site's own (a Blob URL the site made counts as its own). */
function sameOrigin(url) {
  if (url.startsWith('blob:')) {
    return new URL(url.slice('blob:'.length)).origin === ORIGIN;
  }
  return new URL(url).origin === ORIGIN;
}

/**
 * Browsers ask for `/favicon.ico` by themselves; the one test about the portal's icon checks
 * that request, so a missing icon fails that test and not every other one.
 */
function isFaviconMessage(message) {
  return message.location().url === new URL('/favicon.ico', BASE).href;
}

/**
 * Launches the browser for this test file and returns `withPage`, which turns a function of
 * a fresh page into a test that checks the page stayed clean.
 *
 *   const withPage = usePages();
 *   test('…', withPage(async (page) => { … }));
 *
 * Service workers are blocked unless `serviceWorkers: 'allow'`: the portal's offline cache
 * would answer requests a test reroutes or counts, and fill itself anew for every test.
 */
export function usePages({ serviceWorkers = 'block' } = {}) {
  let browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
    // The first page of a fresh browser pays for its start (profile, compositor, caches);
    // opening one here keeps that out of the first test's waits.
    // Only a warm-up: should it not finish, the tests' own waits still apply and report.
    const warm = await browser.newPage();
    await warm.goto(BASE, { timeout: 60_000, waitUntil: 'domcontentloaded' }).catch(() => {});
    await warm.close();
  });
  after(async () => {
    await browser?.close();
  });

  return (body) => async (t) => {
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true, locale: 'de-DE', serviceWorkers });
    // Waits, not time limits: a loaded two-core CI machine can take seconds to start the
    // browser and compile the wasm on the first navigation.
    context.setDefaultTimeout(20_000);
    context.setDefaultNavigationTimeout(60_000);
    const problems = [];
    const foreign = [];
    context.on('request', (request) => {
      if (!sameOrigin(request.url())) {
        foreign.push(request.url());
      }
    });
    context.on('requestfailed', (request) => {
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    });
    context.on('response', (response) => {
      if (response.status() >= 400) {
        problems.push(`HTTP ${response.status()}: ${response.url()}`);
      }
    });
    context.on('console', (message) => {
      if (message.type() === 'error' && !isFaviconMessage(message)) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    context.on('weberror', (error) => {
      problems.push(`page error: ${error.error().message}`);
    });
    // Leaving a page with unsaved input asks first; the tests leave on purpose.
    context.on('dialog', (dialog) => dialog.accept());
    try {
      const page = await context.newPage();
      await body(page, t);
      assert.deepEqual(problems, [], 'the page logged errors or requests failed');
      assert.deepEqual(foreign, [], 'requests went to another origin than the site');
    } finally {
      await context.close();
    }
  };
}
