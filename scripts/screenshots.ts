import path from 'node:path';
import { launchBrowser, openPage, waitForGraph } from '../tests/e2e/support/browser';

/**
 * `npx tsx scripts/screenshots.ts [URL]`: screenshots of the running explorer for the README
 * (canvas, a traced path, the timeline), so they always show the app as it is.
 */
const url = process.argv[2] ?? 'http://127.0.0.1:4000';
const out = path.join(__dirname, '..', 'docs', 'screenshots');

async function main() {
  const browser = await launchBrowser();
  try {
    const { page, close } = await openPage(browser, url);
    await page.screenshot({ path: path.join(out, 'canvas.png') });

    await page.getByTestId('trace-from').fill('Lee Myung-bak');
    await page.getByTestId('trace-to').fill('Liancourt Rocks');
    await page.getByTestId('trace-run').click();
    await page.getByTestId('path-item').first().click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(out, 'trace.png') });

    await page.getByTestId('trace-from').fill('');
    await page.goto(url);
    await waitForGraph(page);
    await page.getByTestId('timeline-from').fill('1990');
    await page.getByTestId('timeline-to').fill('2000');
    await page.getByTestId('timeline-to').dispatchEvent('change');
    await page.locator('[data-testid="timeline-event"][data-id="awf-founding-1995"]').click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(out, 'timeline.png') });
    await close();
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
