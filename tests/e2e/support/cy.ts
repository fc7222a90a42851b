import type { Page } from 'playwright-core';

type Core = import('cytoscape').Core;

/**
 * Reads from the page's Cytoscape instance (window.cy), as a user's view of the canvas. The
 * function returns plain data: a Cytoscape collection (what `remove()` or `addClass()` give
 * back) reaches the whole graph through `cy`, and Playwright serialising it filled the page's
 * heap until Chromium killed the tab ("Target crashed").
 */
export function cyEval<T, A>(page: Page, fn: (cy: Core, arg: A) => T, arg: A): Promise<T> {
  return page.evaluate(
    ({ source, value }) => {
      const cy = (window as unknown as { cy: Core }).cy;
      const result = new Function('cy', 'arg', `return (${source})(cy, arg);`)(cy, value) as T;
      if (typeof (result as { cy?: unknown } | null)?.cy === 'function')
        throw new Error('cyEval: return plain data, not a Cytoscape element or collection');
      return result;
    },
    { source: fn.toString(), value: arg },
  );
}

/** Where an element is drawn on the page (an edge: halfway between its ends). */
async function elementPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  // Cytoscape hit-tests against what it last drew: a click right after the graph changed
  // (positions set, edges removed) would be tested against the previous frame's geometry.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return cyEval(
    page,
    (cy, elementId) => {
      const element = cy.getElementById(elementId);
      const box = cy.container()!.getBoundingClientRect();
      // An edge is clicked halfway between its ends (straight edges pass through there).
      const ends = element.isEdge() ? element.connectedNodes() : element;
      const points = ends.map((n: import('cytoscape').NodeSingular) => n.renderedPosition());
      const p = {
        x: points.reduce((sum: number, q: { x: number }) => sum + q.x, 0) / points.length,
        y: points.reduce((sum: number, q: { y: number }) => sum + q.y, 0) / points.length,
      };
      return { x: box.left + p.x, y: box.top + p.y };
    },
    id,
  );
}

/** Clicks an element where it is drawn, with the real mouse. */
export async function clickElement(page: Page, id: string, options: { double?: boolean } = {}) {
  const point = await elementPoint(page, id);
  if (options.double) await page.mouse.dblclick(point.x, point.y);
  else await page.mouse.click(point.x, point.y);
}

/** Moves the real mouse over an element, as a user does to read its tooltip. */
export async function hoverElement(page: Page, id: string) {
  const point = await elementPoint(page, id);
  await page.mouse.move(point.x, point.y);
}

export const nodeCount = (page: Page) => cyEval(page, (cy) => cy.nodes().length, null);
