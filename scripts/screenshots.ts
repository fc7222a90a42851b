import path from 'node:path';
import { launchBrowser, openPage } from '../tests/e2e/support/browser';

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
    await page.waitForTimeout(2500); // let the force-directed layout settle
    await page.screenshot({ path: path.join(out, 'canvas.png') });

    await page.getByTestId('trace-from').fill('Lee Myung-bak');
    await page.getByTestId('trace-to').fill('Liancourt Rocks');
    await page.getByTestId('trace-run').click();
    await page.getByTestId('path-item').first().click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(out, 'trace.png') });

    await page.getByTestId('timeline-from').fill('2012');
    await page.getByTestId('timeline-to').fill('2015');
    await page.getByTestId('timeline-to').press('Enter');
    await page.getByTestId('timeline-from').dispatchEvent('change');
    await page.waitForTimeout(500);
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
