import type { Browser } from 'playwright-core';
import { buildClientIfStale } from '../../../scripts/build-client';
import { startTestServer, type TestServer } from '../../support/test-server';
import { launchBrowser } from './browser';

/**
 * A fresh Neo4j on a busy machine can time out its first queries (plans are compiled, pages
 * read): ask what the first screen asks until it answers, so no test pays for a cold start.
 */
async function warmUp(url: string): Promise<void> {
  const queries = [
    '{ graph(limit: 2000) { entities { id } relations { id } } relationTypes { type } }',
    '{ timeline(first: 1000) { date title entity { id } } }',
    '{ search(text: "Moon", first: 8) { entity { id } } }',
  ];
  for (const query of queries) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      if (response.ok && !(await response.json()).errors) break;
    }
  }
}

/** The built client served by the real app against the suite's Neo4j, and a Chromium. */
export async function startExplorer(): Promise<{
  server: TestServer;
  browser: Browser;
  stop(): Promise<void>;
}> {
  buildClientIfStale(() => undefined);
  const server = await startTestServer();
  await warmUp(server.url);
  const browser = await launchBrowser();
  return {
    server,
    browser,
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}
