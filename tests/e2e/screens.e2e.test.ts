import { startExplorer } from './support/app';
import { openPage } from './support/browser';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  pathLabelPx,
  runTrace,
  searchAndPick,
  selectedIds,
  settled,
  waitUpTo,
} from './support/view';

type Explorer = Awaited<ReturnType<typeof startExplorer>>;

/** WCAG contrast of a CSS rgb() colour against white. */
function contrastOnWhite(colour: string): number {
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

/** Presses Tab (at most `limit` times) until `wanted` holds for the focused element. */
async function tabTo(page: Page, wanted: (e: Element) => boolean, limit = 80): Promise<void> {
  const source = wanted.toString();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(
      (fn) => new Function('e', `return (${fn})(e);`)(document.activeElement) as boolean,
      source,
    );
    if (found) return;
  }
}

const focusRing = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return {
      id: document.activeElement!.id,
      style: style.outlineStyle,
      colour: style.outlineColor,
    };
  });

// Issue 11: any screen, and accessible.
describe('phone, 1024 px and accessibility', () => {
  let explorer: Explorer;
  // Starting the app, a browser and warming a fresh Neo4j takes long on a busy machine.
  beforeAll(async () => {
    explorer = await startExplorer();
  }, 180_000);
  afterAll(() => explorer.stop());

  it('7: on a phone the tab bar opens every panel, traces, and the details close with a button and Escape', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url, {
      width: 390,
      height: 844,
    });
    // Every panel has a way in: a tab bar on the phone's screen.
    expect(await page.getByRole('tab').filter({ visible: true }).allTextContents()).toEqual([
      'Graph',
      'Trace',
      'Details',
      'Filters',
      'Query',
    ]);
    for (const [tab, shown] of [
      ['tab-filters', '#legend'],
      ['tab-trace', '#trace'],
      ['tab-details', '[data-testid="details-panel"]'],
      ['tab-query', '[data-testid="query-panel"]'],
      ['tab-graph', '#cy'],
    ] as const) {
      await page.getByTestId(tab).click();
      expect(await page.locator(shown).isVisible()).toBe(true);
    }
    expect(await page.getByTestId('timeline').isVisible()).toBe(false);
    await page.getByTestId('tab-filters').click();
    expect(await page.getByTestId('timeline').isVisible()).toBe(true);
    // "Trace from" on a node opens the trace panel with the field filled.
    await page.getByTestId('tab-graph').click();
    await searchAndPick(page, 'Moon Jae-in');
    await page.getByTestId('tab-details').click();
    await page.getByTestId('trace-from-here').click();
    expect(await page.getByTestId('trace-from').isVisible()).toBe(true);
    expect(await page.getByTestId('trace-from').inputValue()).toBe('Moon Jae-in');
    await runTrace(page, 'Moon Jae-in', 'intelligence-sharing pact');
    expect(await page.getByTestId('paths-list').isVisible()).toBe(true);
    await page.getByTestId('tab-graph').click();
    expect(await page.getByTestId('path-step').isVisible()).toBe(true);
    // Details: a close button and Escape, and the toolbar stays reachable.
    await page.getByTestId('tab-details').click();
    await page.getByTestId('details-panel').waitFor();
    await searchAndPick(page, 'Japan');
    await page.getByTestId('tab-details').click();
    await page.getByTestId('details-close').click();
    expect(await selectedIds(page)).toEqual([]);
    expect(await page.getByTestId('undo').isVisible()).toBe(true);
    await searchAndPick(page, 'Japan');
    await page.getByTestId('tab-details').click();
    await page.getByTestId('details-panel').press('Escape');
    expect(await selectedIds(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('on a phone a traced path fills the width and its names and relations can be read', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url, {
      width: 390,
      height: 844,
    });
    await page.getByTestId('tab-trace').click();
    await runTrace(page, 'Moon Jae-in', 'intelligence-sharing pact');
    await page.getByTestId('tab-graph').click();
    await settled(page);
    // Fitted to 390 px the path is drawn at about half size; its labels are not.
    const legible = async () => {
      const px = await pathLabelPx(page);
      return px.node >= 11.99 && px.edge >= 10.99;
    };
    await waitUpTo(legible, 5000);
    const px = await pathLabelPx(page);
    expect(px.node).toBeGreaterThanOrEqual(11.99);
    expect(px.edge).toBeGreaterThanOrEqual(10.99);
    expect(problems).toEqual([]);
    await close();
  });

  it('at 1024 px the side panels collapse to give the canvas room, and every panel still opens', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url, {
      width: 1024,
      height: 768,
    });
    const width = async () => (await page.locator('#cy').boundingBox())!.width;
    const before = await width();
    // A user sees a control on each side panel to fold it away.
    expect(await page.getByRole('button', { name: /^Hide the (left|right) panel$/ }).count()).toBe(
      2,
    );
    await page.getByTestId('collapse-left').click();
    await page.getByTestId('collapse-right').click();
    expect(await width()).toBeGreaterThan(before + 400);
    await page.getByTestId('collapse-left').click();
    await runTrace(page, 'Shinzo Abe', 'Dokdo');
    expect(await page.getByTestId('path-step').isVisible()).toBe(true);
    await page.getByTestId('query-tab').click();
    const query = await page.getByTestId('query-panel').boundingBox();
    expect(query!.width).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
    await close();
  });

  it('has no serious or critical axe violations on the main view, a traced path and the Query tab', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    expect(await axeViolations(page)).toEqual([]);
    await runTrace(page, 'Lee Myung-bak', 'Dokdo');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('query-tab').click();
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-query-editor textarea').first().waitFor({ state: 'attached' });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('moves over the canvas with the keyboard and steps a traced path with the arrows', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    // The focus ring on a control reached with Tab is at least 3:1 on white.
    await tabTo(page, (e) => e.tagName === 'BUTTON');
    const ring = await focusRing(page);
    expect(ring.style).not.toBe('none');
    expect(contrastOnWhite(ring.colour)).toBeGreaterThanOrEqual(3);
    // Tab reaches the canvas, which shows the same ring.
    await tabTo(page, (e) => e.id === 'cy');
    expect(await focusRing(page)).toEqual({ ...ring, id: 'cy' });
    await page.keyboard.press('ArrowRight');
    const [first] = await selectedIds(page);
    expect(first).toBeTruthy();
    // Some arrow leads to a neighbour of the first node.
    let second = first;
    for (const key of ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight']) {
      await page.keyboard.press(key);
      [second] = await selectedIds(page);
      if (second !== first) break;
    }
    expect(second).not.toBe(first);
    await page.keyboard.press('Enter');
    await page
      .getByTestId('details-panel')
      .getByRole('heading', { name: /^Relations \(/ })
      .waitFor();
    await runTrace(page, 'Lee Myung-bak', 'Dokdo');
    await page.locator('#cy').focus();
    await page.keyboard.press('ArrowRight');
    await settled(page);
    expect(await page.getByTestId('path-step').textContent()).toMatch(/Step 2 of/);
    expect(problems).toEqual([]);
    await close();
  });
});
