import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startExplorer } from './support/app';
import { openPage } from './support/browser';
import { cyEval } from './support/cy';
import { runTrace, settled } from './support/view';

type Explorer = Awaited<ReturnType<typeof startExplorer>>;

/** The traced path's nodes (name, kind colour, position) as the canvas shows them. */
const pathNodes = (page: Page) =>
  cyEval(
    page,
    (cy) =>
      cy.nodes('.on-path').map((node) => ({
        name: node.data('label') as string,
        colour: node.style('background-color') as string,
        size: Math.max(node.width(), node.height()),
        ...(node as import('cytoscape').NodeSingular).position(),
      })),
    null,
  );

// Issue 11, defects 4 and 5, as a user hit them.
describe('a traced path: exported as SVG and laid out', () => {
  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer();
  }, 180_000);
  afterAll(() => explorer.stop());

  it('4: SVG export of a highlighted view keeps labels as text, every path node, thin faded edges', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await runTrace(page, 'Shinzo Abe', 'Dokdo');
    await page.getByTestId('path-item').first().click();
    await settled(page);
    const onPath = await pathNodes(page);
    expect(onPath.length).toBeGreaterThan(2);
    const edges = await cyEval(
      page,
      (cy) => {
        const shown = cy.edges().filter((e) => e.visible());
        return { shown: shown.length, faded: shown.filter('.faded').length };
      },
      null,
    );
    expect(edges.faded).toBeGreaterThan(20);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-svg').click(),
    ]);
    const svg = fs.readFileSync((await download.path())!, 'utf8');

    // The exported file, parsed and laid out by the browser itself.
    const found = await page.evaluate(
      ({ text, nodes }) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        if (doc.querySelector('parsererror')) return { error: 'not well-formed' };
        const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
        document.body.append(svg);
        const labels = Array.from(svg.querySelectorAll('text')).map((t) => ({
          text: t.textContent,
          fill: t.getAttribute('fill'),
          stroke: t.getAttribute('stroke'),
          strokeWidth: Number(t.getAttribute('stroke-width') ?? 0),
          fontSize: parseFloat(t.getAttribute('font-size') ?? ''),
        }));
        // A node is drawn when a node-sized shape in its colour covers its centre.
        const shapes = Array.from(
          svg.querySelectorAll('ellipse, rect, polygon, path'),
        ) as SVGGraphicsElement[];
        const drawn = nodes.map((node) =>
          shapes.some((shape) => {
            if (shape.getAttribute('fill') !== node.colour) return false;
            const box = shape.getBBox();
            return (
              Math.max(box.width, box.height) <= 3 * node.size &&
              node.x >= box.x &&
              node.x <= box.x + box.width &&
              node.y >= box.y &&
              node.y <= box.y + box.height
            );
          }),
        );
        // Every stroked line, with its painted width: a band is a line far wider than any edge.
        const strokes = Array.from(svg.querySelectorAll('path')).map((p) => ({
          fill: p.getAttribute('fill'),
          width: Number(p.getAttribute('stroke-width') ?? 1),
        }));
        svg.remove();
        return { labels, drawn, strokes };
      },
      { text: svg, nodes: onPath },
    );
    expect(found.error).toBeUndefined();
    // Each path node's label is text, in a text colour, at most outlined thinly in white.
    const white = [null, 'none', '#ffffff', 'rgb(255,255,255)'];
    const garbled = onPath.flatMap((node) => {
      const label = found.labels!.find((l) => l.text === node.name);
      if (!label) return [`${node.name}: no text`];
      return [
        ...(!/^(#|rgb)/.test(label.fill ?? '') || label.fill === node.colour
          ? [`${node.name}: filled ${label.fill}`]
          : []),
        ...(white.includes(label.stroke) ? [] : [`${node.name}: outlined in ${label.stroke}`]),
        ...(label.strokeWidth <= label.fontSize / 2
          ? []
          : [`${node.name}: outline ${label.strokeWidth} on ${label.fontSize}px text`]),
      ];
    });
    expect(garbled).toEqual([]);
    expect(found.drawn).toEqual(onPath.map(() => true));
    expect(found.strokes!.length).toBe(edges.shown);
    expect(found.strokes!.every((s) => s.fill === 'none' && s.width <= 8)).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('5: no traced edge runs through an unrelated node, and none sits on a path node', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await runTrace(page, 'Shinzo Abe', 'Dokdo');
    const count = Math.min(await page.getByTestId('path-item').count(), 3);
    for (let i = 0; i < count; i++) {
      await page.getByTestId('path-item').nth(i).click();
      await settled(page);
      const clashes = await cyEval(
        page,
        (cy) => {
          type N = import('cytoscape').NodeSingular;
          const radius = (n: N) => Math.max(n.width(), n.height()) / 2;
          const others = cy.nodes().not('.hidden').not('.on-path');
          const found: string[] = [];
          cy.edges('.on-path').forEach((edge) => {
            const a = edge.source().position();
            const b = edge.target().position();
            others.forEach((node: N) => {
              const p = node.position();
              const dx = b.x - a.x;
              const dy = b.y - a.y;
              const t = Math.max(
                0,
                Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)),
              );
              const distance = Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
              if (distance < radius(node)) found.push(`${edge.id()} crosses ${node.id()}`);
            });
          });
          cy.nodes('.on-path').forEach((on: N) => {
            others.forEach((node: N) => {
              const d = Math.hypot(
                on.position().x - node.position().x,
                on.position().y - node.position().y,
              );
              if (d < radius(on) + radius(node)) found.push(`${node.id()} sits on ${on.id()}`);
            });
          });
          return found;
        },
        null,
      );
      expect({ path: i, clashes }).toEqual({ path: i, clashes: [] });
    }
    expect(problems).toEqual([]);
    await close();
  });
});
