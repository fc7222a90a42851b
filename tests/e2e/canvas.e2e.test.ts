import type { Page } from 'playwright-core';
import { startExplorer } from './support/app';
import { openPage } from './support/browser';
import { settled } from './support/view';

type Explorer = Awaited<ReturnType<typeof startExplorer>>;

/** Where a node is drawn on the page, for real mouse actions. */
async function nodePoint(page: Page, id: string) {
  return page.evaluate((nodeId) => {
    const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
    const box = cy.container()!.getBoundingClientRect();
    const p = cy.getElementById(nodeId).renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

// Hidden elements carry the "hidden" class (display: none): count the rest.
const visibleNodes = (page: Page, selector = 'node') =>
  page.evaluate(
    (s) => (window as unknown as { cy: import('cytoscape').Core }).cy.$(s).not('.hidden').length,
    selector,
  );

describe('the canvas', () => {
  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer();
  });
  afterAll(() => explorer.stop());

  it('draws the whole default graph with a legend, and window.cy is there', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    const stats = (
      await explorer.server.graphql<{ stats: { entities: number; relations: number } }>(
        '{ stats { entities relations } }',
      )
    ).body.data!.stats;
    expect(await visibleNodes(page)).toBe(stats.entities);
    expect(
      await page.evaluate(
        () => (window as unknown as { cy: import('cytoscape').Core }).cy.edges().length,
      ),
    ).toBe(stats.relations);
    await expect(
      page.getByText(`${stats.entities} entities, ${stats.relations} relations`).isVisible(),
    ).resolves.toBe(true);
    for (const kind of ['Person', 'Country', 'Dispute', 'Event']) {
      expect(await page.locator('#legend label', { hasText: kind }).isVisible()).toBe(true);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('hides and shows a kind from the legend', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    const people = await visibleNodes(page, 'node[kind = "PERSON"]');
    expect(people).toBeGreaterThan(5);
    const before = await visibleNodes(page);
    await page.getByTestId('legend-PERSON').uncheck();
    await settled(page);
    expect(await visibleNodes(page, 'node[kind = "PERSON"]')).toBe(0);
    expect(await visibleNodes(page)).toBe(before - people);
    await page.getByTestId('legend-PERSON').check();
    await settled(page);
    expect(await visibleNodes(page)).toBe(before);
    expect(problems).toEqual([]);
    await close();
  });

  it('changes layout, zooms, fits, and shows a tooltip on hover', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    const zoom = () =>
      page.evaluate(() => (window as unknown as { cy: import('cytoscape').Core }).cy.zoom());
    const before = await zoom();
    await page.getByTestId('zoom-in').click();
    expect(await zoom()).toBeGreaterThan(before);
    await page.getByTestId('fit').click();
    await page.getByTestId('layout-select').selectOption('circle');
    await settled(page);
    // On a circle layout every node is the same distance from the centre.
    const spread = await page.evaluate(() => {
      const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
      const nodes = cy.nodes();
      const cx = nodes.map((n) => n.position().x).reduce((a, b) => a + b, 0) / nodes.length;
      const cyy = nodes.map((n) => n.position().y).reduce((a, b) => a + b, 0) / nodes.length;
      const r = nodes.map((n) => Math.hypot(n.position().x - cx, n.position().y - cyy));
      return (Math.max(...r) - Math.min(...r)) / Math.max(...r);
    });
    expect(spread).toBeLessThan(0.05);
    const point = await nodePoint(page, 'liancourt-rocks');
    await page.mouse.move(point.x, point.y);
    await expect(page.locator('#tooltip').textContent()).resolves.toContain('Liancourt Rocks');
    expect(await page.locator('#tooltip').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });
});
