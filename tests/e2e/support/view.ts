import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViewState } from '../../../client/src/state/view-state';

type Tracegraph = { tracegraph: { store: { get(): ViewState } } };

/** The explorer's view state, read from its store. */
export const viewState = (page: Page): Promise<ViewState> =>
  page.evaluate(() => (window as unknown as Tracegraph).tracegraph.store.get());

/** Waits until the canvas shows the current state: data in, laid out and fitted. */
export async function settled(page: Page): Promise<void> {
  await page.locator('#cy[data-layout="idle"]').waitFor({ state: 'attached' });
}

/** What a user sees on the canvas: the ids of the elements drawn, sorted. */
export const visibleIds = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as unknown as { cy: import('cytoscape').Core }).cy
      .elements()
      .not('.hidden')
      .map((e) => e.id())
      .sort(),
  );

/** Picks the best search hit for `text` with the keyboard, as a user would. */
export async function searchAndPick(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('search-input');
  await input.fill(text);
  await page.getByTestId('search-option').first().waitFor();
  await input.press('Enter');
  await settled(page);
}

/** axe-core run inside the page: the serious and critical violations, by rule and count. */
export async function axeViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  // Evaluated through the devtools protocol: the app's CSP (scripts from 'self' only) rightly
  // refuses an injected <script>, and axe is the test's, not the page's.
  await page.evaluate(
    fs.readFileSync(path.join(require.resolve('axe-core'), '..', 'axe.min.js'), 'utf8'),
  );
  return page.evaluate(async (skip) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run({ exclude: skip.map((s) => [s]) } as never, {
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} ×${v.nodes.length}: ${v.nodes[0]?.target.join(' ')}`);
  }, exclude);
}

/** The trace form's "Max steps" field, found by the words printed beside it. */
export const maxSteps = (page: Page) =>
  page.locator('#trace label', { hasText: 'Max steps' }).locator('input');

/** The ids of the nodes selected on the canvas. */
export const selectedIds = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as unknown as { cy: import('cytoscape').Core }).cy
      .$('node:selected')
      .map((n) => n.id())
      .sort(),
  );

/**
 * Waits, at most `ms`, for what a user would wait to see; the test's assertions then say what
 * is there, so a view that never shows it fails on the assertion, not on this wait.
 */
export async function waitUpTo(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
}

/** The smallest size (rendered px) of the traced path's node and edge labels on the canvas. */
export const pathLabelPx = (page: Page): Promise<{ node: number; edge: number }> =>
  page.evaluate(() => {
    // No named helper inside: tsx would wrap it in a __name() the page does not have.
    const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
    const [node, edge] = ['node.on-path', 'edge.on-path'].map((selector) =>
      Math.min(...cy.$(selector).map((e) => parseFloat(e.style('font-size')) * cy.zoom())),
    );
    return { node: node!, edge: edge! };
  });

/** Runs a trace through the form and waits for its first path to be drawn. */
export async function runTrace(
  page: Page,
  from: string,
  to: string,
  options: { max?: number; avoidHubs?: boolean } = {},
): Promise<void> {
  await page.getByTestId('trace-from').fill(from);
  await page.getByTestId('trace-to').fill(to);
  if (options.max) await maxSteps(page).fill(String(options.max));
  if (options.avoidHubs) await page.getByLabel('Avoid hubs').check();
  await page.getByTestId('trace-run').click();
  await settled(page);
  await page.getByTestId('path-item').first().waitFor();
}
