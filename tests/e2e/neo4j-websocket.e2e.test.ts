import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../server/config';
import type { Database } from '../../server/db/database';
import { testDatabase, testNeo4j } from '../support/test-server';
import { launchBrowser } from './support/browser';

const DRIVER = path.join(PROJECT_ROOT, 'node_modules/neo4j-driver/lib/browser/neo4j-web.min.js');

/**
 * The attack from issue 9: a page on another origin that resolves to 127.0.0.1 loads the
 * Neo4j JavaScript driver, which speaks Bolt over WebSocket to the local Neo4j's port
 * (browsers apply no same-origin rule to WebSockets), and tries to read and write the graph.
 */
const ATTACK_PAGE = `<!doctype html>
<script src="/neo4j-web.min.js"></script>
<script>
  window.attack = async (uri, credentials) => {
    const results = {};
    // Does Bolt accept the WebSocket upgrade at all? (It does: Neo4j has no setting against it.)
    results.websocket = await new Promise((resolve) => {
      const socket = new WebSocket(uri.replace('bolt:', 'ws:'));
      socket.onopen = () => { socket.close(); resolve('open'); };
      socket.onerror = () => resolve('error');
    });
    for (const [name, auth] of credentials) {
      const driver = neo4j.driver(uri, auth && neo4j.auth.basic(auth[0], auth[1]), {
        encrypted: 'ENCRYPTION_OFF', connectionTimeout: 5000,
      });
      const run = async (statement) => {
        try {
          const result = await driver.executeQuery(statement);
          return 'ok: ' + JSON.stringify(result.records.map((r) => r.toObject()));
        } catch (error) {
          return 'refused: ' + (error.code || error.message);
        }
      };
      results[name] = {
        write: await run("CREATE (:Intruder {via: 'websocket'}) RETURN 1 AS created"),
        read: await run('MATCH (e:Entity) RETURN count(e) AS entities'),
      };
      await driver.close();
    }
    return results;
  };
</script>`;

describe('a page on another origin and the local Neo4j’s WebSocket', () => {
  let browser: Browser;
  let site: http.Server;
  let origin: string;
  let db: Database;

  beforeAll(async () => {
    const driverCode = fs.readFileSync(DRIVER);
    site = http.createServer((req, res) => {
      if (req.url === '/neo4j-web.min.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(driverCode);
      } else res.writeHead(200, { 'content-type': 'text/html' }).end(ATTACK_PAGE);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    // "localhost", not 127.0.0.1: another name, as a rebinding or local site would have.
    origin = `http://localhost:${(site.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    db = testDatabase();
  });

  afterAll(async () => {
    await db.runText('WRITE', 'MATCH (n:Intruder) DETACH DELETE n');
    await db.close();
    await browser.close();
    site.close();
  });

  it('cannot read or write the graph without the password, and can with it', async () => {
    const { uri, password } = testNeo4j();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin);
    const results = (await page.evaluate(
      ([boltUri, secret]) =>
        (window as unknown as { attack: (u: string, c: unknown[]) => Promise<unknown> }).attack(
          boltUri,
          [
            ['none', null],
            ['default', ['neo4j', 'neo4j']],
            ['guess', ['neo4j', 'password']],
            // The control: the same page with the password gets in, so the refusals above
            // are the lock at work and not a page that cannot connect at all.
            ['owner', ['neo4j', secret]],
          ],
        ),
      [uri, password] as const,
    )) as Record<string, { write: string; read: string }> & { websocket: string };
    await context.close();

    for (const stranger of ['none', 'default', 'guess']) {
      expect(results[stranger]).toEqual({
        write: 'refused: Neo.ClientError.Security.Unauthorized',
        read: 'refused: Neo.ClientError.Security.Unauthorized',
      });
    }
    expect(results.owner!.read).toMatch(/^ok: \[\{"entities":/);
    // Only the owner's write went through.
    expect(
      await db.runText('READ', "MATCH (n:Intruder {via: 'websocket'}) RETURN count(n) AS n"),
    ).toEqual([{ n: 1 }]);
    expect(results.websocket).toBe('open');
  });
});
