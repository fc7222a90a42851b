import type { AddressInfo } from 'node:net';
import net from 'node:net';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { buildClientIfStale } from '../../scripts/build-client';
import { type App, createApp } from '../../server/app';
import { Database } from '../../server/db/database';
import { launchBrowser } from './support/browser';

/** A port where nothing listens: what the app sees while its Neo4j is dead. */
async function deadPort(): Promise<number> {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('the explorer while Neo4j is down', () => {
  let browser: Browser;
  let db: Database;
  let app: App;
  let server: Server;

  beforeAll(async () => {
    buildClientIfStale(() => undefined);
    db = Database.connect({
      uri: `bolt://127.0.0.1:${await deadPort()}`,
      username: 'neo4j',
      password: 'irrelevant',
      database: 'neo4j',
    });
    app = await createApp(db);
    server = app.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    server.close();
    await app.stop();
    await db.close();
  });

  it('gets 503 DATABASE_UNAVAILABLE from the API and shows its banner', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const page = await browser.newPage();
    const answer = page.waitForResponse((response) => response.url().endsWith('/graphql'));
    await page.goto(url);
    const response = await answer;
    expect(response.status()).toBe(503);
    expect((await response.json()).errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
    await page.locator('#banner').getByText('cannot be reached').waitFor();
    await page.close();
  });
});
