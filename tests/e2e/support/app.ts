import type { Browser } from 'playwright-core';
import { buildClientIfStale } from '../../../scripts/build-client';
import { startTestServer, type TestServer } from '../../support/test-server';
import { launchBrowser } from './browser';

/** The built client served by the real app against the suite's Neo4j, and a Chromium. */
export async function startExplorer(): Promise<{
  server: TestServer;
  browser: Browser;
  stop(): Promise<void>;
}> {
  buildClientIfStale(() => undefined);
  const server = await startTestServer();
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
