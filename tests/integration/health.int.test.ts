import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { createApp } from '../../server/app';
import { Database } from '../../server/db/database';
import { startTestServer } from '../support/test-server';

describe('GET /health', () => {
  it('is 200 with neo4j up when the database answers', async () => {
    const server = await startTestServer();
    try {
      const response = await fetch(`${server.url}/health`);
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 200,
        body: { status: 'ok', neo4j: 'up' },
      });
    } finally {
      await server.stop();
    }
  });

  it('is 503 with neo4j down when nothing listens at the database address', async () => {
    // A port that was free a moment ago: nothing answers Bolt there.
    const probe = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const db = Database.connect({
      uri: `bolt://127.0.0.1:${port}`,
      username: 'neo4j',
      database: 'neo4j',
    });
    const { app, stop } = await createApp(db);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`,
      );
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ neo4j: 'down' });
    } finally {
      server.close();
      await stop();
      await db.close();
    }
  });
});
