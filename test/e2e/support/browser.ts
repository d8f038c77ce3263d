/** Launches Debian's Chromium through playwright-core and records every console error and failed request per page. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts the browser; the path can be overridden with CHROMIUM_PATH. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Problems a page logged: console errors, uncaught exceptions, failed or 4xx/5xx requests. */
export interface PageProblems {
  problems: string[];
}

/** Opens a page that collects its problems into `problems` (cleared by the caller when it navigates). */
export async function openPage(context: BrowserContext): Promise<{ page: Page } & PageProblems> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => {
    // Aborted requests (a navigation cancelling a favicon fetch, a download) are not failures of the site;
    // a missing file still shows up as an HTTP 404 below.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { page, problems };
}
