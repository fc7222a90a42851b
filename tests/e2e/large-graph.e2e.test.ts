import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { OVERVIEW_QUERY } from '../../client/src/api';
import { TIMELINE_REQUEST } from '../../client/src/views/timeline';
import { buildClientIfStale } from '../../scripts/build-client';
import { type Connection, connect } from '../../scripts/connect';
import { createApp } from '../../server/app';
import { loadConfig, PROJECT_ROOT } from '../../server/config';
import { launchBrowser, waitForGraph, waitForLayout } from './support/browser';

/**
 * The first screen on a generated graph of 10,000 entities, imported through `npm run
 * import` into its own local Neo4j (not the suite's: its graph stays the seed). The explorer
 * must open on a capped overview with the counts of what it leaves out, and no response of
 * the first screen may exceed 500 kB.
 */
const ENTITIES = 10_000;
const RELATIONS = 40_000;
const MAX_RESPONSE = 500 * 1024;
const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

jest.setTimeout(600_000);

describe('the first screen of a large graph', () => {
  let dir: string;
  let connection: Connection;
  let stopApp: () => Promise<void>;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    buildClientIfStale(() => undefined);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-large-'));
    const file = path.join(dir, 'graph.json');
    const run = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
      execFileSync(tsx, args, { cwd: PROJECT_ROOT, env, stdio: 'pipe' });
    run([
      'scripts/generate.ts',
      '--entities',
      `${ENTITIES}`,
      '--relations',
      `${RELATIONS}`,
      '--out',
      file,
    ]);
    // Its own store: without NEO4J_URI the import starts the local Neo4j on TRACEGRAPH_DATA_DIR.
    const { NEO4J_URI: _suite, ...env } = process.env;
    const dataDir = path.join(dir, 'store');
    run(['scripts/import.ts', file], { ...env, TRACEGRAPH_DATA_DIR: dataDir });
    const config = loadConfig({ ...env, TRACEGRAPH_DATA_DIR: dataDir });
    connection = await connect(config, () => undefined);
    const app = await createApp(connection.db);
    const server = app.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stopApp = async () => {
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await app.stop();
    };
    // A store just imported has cold caches and unplanned statements; on a shared 2-core
    // machine the first of each can exceed the 5-second timeout. Warm it the way a running
    // server is warm (a few tries), then time what a user opening the explorer sees.
    // Both of the first screen's requests: a cold timeline times out once and is sent again.
    for (const request of [{ query: OVERVIEW_QUERY }, TIMELINE_REQUEST])
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request),
        });
        if (!('errors' in ((await response.json()) as object))) break;
      }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stopApp?.();
    await connection?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens on the best-connected entities, says how much is hidden, and keeps every response under 500 kB', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const responses: { url: string; bytes: number; query: string; request: Request }[] = [];
    const failures: string[] = [];
    let laidOut: { id: string; x: number; y: number }[] = [];
    page.on('response', async (response) => {
      const request = response.request();
      if (!request.url().endsWith('/graphql')) return;
      const body = await response.body();
      responses.push({
        url: request.url(),
        bytes: body.length,
        query: request.postData() ?? '',
        request,
      });
      if (body.includes('"errors"')) failures.push(body.toString('utf8').slice(0, 300));
      const { data } = JSON.parse(body.toString('utf8')) as { data?: { overview?: object } };
      if (data?.overview) laidOut = (data.overview as { positions: typeof laidOut }).positions;
    });
    page.on('pageerror', (error) => failures.push(error.message));
    const started = performance.now();
    await page.goto(url);
    try {
      await waitForGraph(page);
      await waitForLayout(page);
    } catch (error) {
      throw new Error(`The first screen did not draw: ${failures.join(' | ') || error}`, {
        cause: error,
      });
    }
    const seconds = (performance.now() - started) / 1000;

    const status = page.getByText(/entities and .* relations shown; search to find the rest\./);
    await status.waitFor();
    const text = (await status.textContent())!;
    const [, shown, total] = /^([\d,]+) of ([\d,]+) entities/.exec(text)!;
    expect(Number(total!.replace(/,/g, ''))).toBe(ENTITIES);
    const drawn = await page.evaluate(
      () => (window as unknown as { cy: import('cytoscape').Core }).cy.nodes().length,
    );
    expect(drawn).toBe(Number(shown!.replace(/,/g, '')));
    expect(drawn).toBeGreaterThan(20);
    expect(drawn).toBeLessThanOrEqual(300);
    const edges = await page.evaluate(
      () => (window as unknown as { cy: import('cytoscape').Core }).cy.edges().length,
    );
    expect(edges).toBeLessThanOrEqual(drawn * 3);
    // The picture is the server's layout of the overview, drawn as it came (nothing moved).
    const placed = await page.evaluate(() =>
      (
        window as unknown as { tracegraph: import('../../client/src/app').App }
      ).tracegraph.graph.positions(),
    );
    expect(laidOut).toHaveLength(drawn);
    for (const { id, x, y } of laidOut) expect(placed[id]).toEqual({ x, y });
    await expect(page.getByTestId('search-input').isVisible()).resolves.toBe(true);

    // Responses still arriving (the timeline) are part of the first screen too.
    await page.waitForLoadState('networkidle');
    expect(responses.length).toBeGreaterThan(0);
    const largest = Math.max(...responses.map((r) => r.bytes));
    console.log(
      `First screen of ${ENTITIES} entities / ${RELATIONS} relations complete in ${seconds.toFixed(2)} s; ` +
        `responses: ${responses.map((r) => `${(r.bytes / 1024).toFixed(0)} kB`).join(', ')}\n` +
        (await breakdown(page, responses)),
    );
    expect(largest).toBeLessThanOrEqual(MAX_RESPONSE);
    await context.close();
  });
});

/**
 * Where the first screen's time went, from the page's clock (ms since navigation): the
 * client's performance marks (client/src/main.ts, graph/controller.ts, views/timeline.ts) and
 * each GraphQL request's timing (sent → first byte → last byte). Printed, never asserted.
 */
async function breakdown(page: Page, responses: { query: string; request: Request }[]) {
  const { marks, origin } = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    marks: Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('tracegraph:'))
        .reverse()
        .map((m) => [m.name.slice('tracegraph:'.length), m.startTime]),
    ),
  }));
  const ms = (value: number | undefined) => (value === undefined ? '?' : value.toFixed(0));
  const span = (from: string, to: string) =>
    marks[from] !== undefined && marks[to] !== undefined ? ms(marks[to]! - marks[from]!) : '?';
  const requests = responses.map(({ query, request }) => {
    const timing = request.timing();
    const sent = timing.startTime - origin;
    const name = /query (\w+)/.exec(JSON.parse(query || '{}').query ?? '')?.[1] ?? 'query';
    return `${name} ${ms(sent)} → ${ms(sent + timing.responseStart)} → ${ms(sent + timing.responseEnd)}`;
  });
  return [
    `  bundle running at ${ms(marks.script)} ms; requests sent → first byte → last byte: ${requests.join('; ')} ms`,
    `  overview in at ${ms(marks.data)} ms; canvas built ${span('data', 'added')} ms; ` +
      `layout ${span('added', 'laid-out')} ms; styled and fitted ${span('laid-out', 'drawn')} ms; ` +
      `first frame at ${ms(marks.painted)} ms; timeline drawn at ${ms(marks.timeline)} ms`,
  ].join('\n');
}
