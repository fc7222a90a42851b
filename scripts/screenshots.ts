import path from 'node:path';
import type { Page } from 'playwright-core';
import { PATH_LABEL_PX } from '../client/src/graph/styles';
import { launchBrowser, openPage } from '../tests/e2e/support/browser';
import { pathLabelPx, runTrace, settled, waitUpTo } from '../tests/e2e/support/view';

/**
 * `npx tsx scripts/screenshots.ts [URL]`: screenshots of the running explorer for the README
 * (canvas, a traced path, the timeline, a phone), so they always show the app as it is.
 */
const url = process.argv[2] ?? 'http://127.0.0.1:4000';
const out = path.join(__dirname, '..', 'docs', 'screenshots');

/** The path's labels are enlarged once the fitted view has settled. */
async function legiblePath(page: Page) {
  await waitUpTo(async () => {
    const px = await pathLabelPx(page);
    return px.node >= PATH_LABEL_PX.node - 0.01 && px.edge >= PATH_LABEL_PX.edge - 0.01;
  }, 5000);
}

async function main() {
  const browser = await launchBrowser();
  try {
    const { page, close } = await openPage(browser, url);
    await page.screenshot({ path: path.join(out, 'canvas.png') });

    await runTrace(page, 'Lee Myung-bak', 'Liancourt Rocks');
    await legiblePath(page);
    await page.screenshot({ path: path.join(out, 'trace.png') });

    await page.goto(url);
    await settled(page);
    await page.getByTestId('timeline-from').fill('1990');
    await page.getByTestId('timeline-to').fill('2000');
    await page.getByTestId('timeline-to').dispatchEvent('change');
    await settled(page);
    await page.locator('[data-testid="timeline-event"][data-id="awf-founding-1995"]').click();
    await settled(page);
    await page
      .getByTestId('details-panel')
      .getByRole('heading', { name: /^Relations \(/ })
      .waitFor();
    await page.screenshot({ path: path.join(out, 'timeline.png') });
    await close();

    const phone = await openPage(browser, url, { width: 390, height: 844 });
    await phone.page.getByTestId('tab-trace').click();
    await runTrace(phone.page, 'Moon Jae-in', 'intelligence-sharing pact');
    await phone.page.getByTestId('tab-graph').click();
    await settled(phone.page);
    await legiblePath(phone.page);
    await phone.page.screenshot({ path: path.join(out, 'phone.png') });
    await phone.close();
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
