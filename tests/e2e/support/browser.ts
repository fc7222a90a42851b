import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A page that records every console error, page error and request that leaves this machine;
 * tests assert the lists are empty, so any of them fails the test.
 */
export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1400, height: 900 },
  /** Prepares the page before it loads (init scripts, emulation). */
  before?: (page: Page) => Promise<unknown>,
) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  await before?.(page);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('request', (request) => {
    const host = new URL(request.url()).hostname;
    if (
      !['127.0.0.1', 'localhost'].includes(host) &&
      !request.url().startsWith('data:') &&
      !request.url().startsWith('blob:')
    ) {
      problems.push(`offline violation: ${request.url()}`);
    }
  });
  await page.goto(url);
  await waitForGraph(page);
  // A test that arranges or clicks nodes while the first layout still runs races it.
  await waitForLayout(page);
  return { page, problems, close: () => context.close() };
}

export async function waitForLayout(page: Page): Promise<void> {
  await page.locator('#cy[data-layout="idle"]').waitFor({ state: 'attached' });
}

export async function waitForGraph(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as { cy?: { nodes(): { length: number } } }).cy?.nodes().length ?? 0 > 0,
  );
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="timeline-event"]').length > 0,
  );
}
