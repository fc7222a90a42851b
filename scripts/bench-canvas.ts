import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { launchBrowser, openPage, waitForLayout } from '../tests/e2e/support/browser';
import { buildClientIfStale } from './build-client';
import { connect } from './connect';

/**
 * `npm run bench` (second half): how long headless Chromium takes to draw and lay out a
 * synthetic graph of 2,000 and 5,000 elements through the explorer's own controller, beside
 * fCoSE at default quality on the same graph as the baseline, in the same run.
 */
const SIZES = [2000, 5000];

async function main() {
  buildClientIfStale(() => undefined);
  const connection = await connect(loadConfig(), () => undefined);
  const app = await createApp(connection.db);
  const server = app.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  const rows: string[] = [];
  try {
    for (const size of SIZES) {
      const { page, close } = await openPage(browser, url);
      // tsx keeps function names with an `__name` helper that the page does not have.
      await page.evaluate('globalThis.__name = (f) => f');
      // One third nodes, two thirds edges, in loosely linked clusters like a real graph.
      const measure = (mode: 'explorer' | 'default') =>
        page.evaluate(
          ({ size, mode }) => {
            const w = window as unknown as {
              tracegraph: {
                graph: { render(s: unknown, v: unknown, o: unknown): Promise<void> };
                store: { get(): unknown };
              };
              cy: import('cytoscape').Core;
            };
            const nodes = Math.round(size / 3);
            const kinds = ['PERSON', 'COUNTRY', 'EVENT', 'AGREEMENT', 'DISPUTE'];
            const entities = Array.from({ length: nodes }, (_, i) => ({
              id: `n${i}`,
              name: `Entity ${i}`,
              kind: kinds[i % kinds.length],
              aliases: [],
              summary: null,
              start: null,
              end: null,
              degree: 4,
              sources: [],
            }));
            const relations = Array.from({ length: size - nodes }, (_, i) => {
              const a = i % nodes;
              const b = i % 7 === 0 ? Math.floor(Math.random() * nodes) : (a + 1 + (i % 5)) % nodes;
              return {
                id: `r${i}`,
                type: 'LINKED',
                label: 'linked to',
                inverseLabel: 'linked from',
                summary: null,
                start: null,
                end: null,
                value: null,
                unit: null,
                sources: [],
                source: { id: `n${a}` },
                target: { id: `n${b}` },
              };
            });
            const started = performance.now();
            if (mode === 'explorer') {
              void w.tracegraph.graph.render(
                w.tracegraph.store.get(),
                { entities, relations, path: null },
                { fresh: true },
              );
              return new Promise<number>((resolve) => {
                const check = () =>
                  w.cy.container()!.dataset.layout === 'idle'
                    ? requestAnimationFrame(() => resolve(performance.now() - started))
                    : setTimeout(check, 10);
                check();
              });
            }
            w.cy.elements().remove();
            w.cy.add([
              ...entities.map((e) => ({ group: 'nodes' as const, data: { ...e, label: e.name } })),
              ...relations.map((r) => ({
                group: 'edges' as const,
                data: { id: r.id, source: r.source.id, target: r.target.id, label: r.label },
              })),
            ]);
            return new Promise<number>((resolve) => {
              const layout = w.cy.layout({
                name: 'fcose',
                quality: 'default',
                animate: false,
              } as never);
              layout.one('layoutstop', () =>
                requestAnimationFrame(() => resolve(performance.now() - started)),
              );
              layout.run();
            });
          },
          { size, mode },
        );
      await waitForLayout(page);
      const explorer = await measure('explorer');
      // Usability at this size: a zoom and a pan, measured to the next frame.
      const interaction = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
            const started = performance.now();
            cy.zoom(cy.zoom() * 1.2);
            cy.panBy({ x: 40, y: 20 });
            requestAnimationFrame(() =>
              requestAnimationFrame(() => resolve(performance.now() - started)),
            );
          }),
      );
      const baseline = await measure('default');
      rows.push(
        `${String(size).padStart(6)} ${explorer.toFixed(0).padStart(12)} ${baseline.toFixed(0).padStart(14)} ${interaction.toFixed(0).padStart(14)}`,
      );
      await close();
    }
  } finally {
    await browser.close();
    server.close();
    await app.stop();
    await connection.close();
  }
  console.log('\nCanvas in headless Chromium, milliseconds to a laid-out, drawn frame\n');
  console.log(
    `${'elements'.padStart(8)} ${'explorer'.padStart(10)} ${'fcose default'.padStart(14)} ${'zoom+pan frame'.padStart(14)}`,
  );
  rows.forEach((row) => console.log(row));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
