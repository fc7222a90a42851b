import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { startLocalNeo4j } from '../../server/db/local-neo4j';

/** Java processes whose command line names this store: what `pgrep -f` would show. */
function javaFor(dir: string): string {
  try {
    return execFileSync('pgrep', ['-f', `LocalNeo4j ${dir}`], { encoding: 'utf8' }).trim();
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
}

async function query(uri: string, cypher: string) {
  const driver = neo4j.driver(uri);
  try {
    const { records } = await driver.executeQuery(cypher);
    return records.map((r) => r.toObject());
  } finally {
    await driver.close();
  }
}

describe('the local Neo4j', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-local-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('moves to a free port when the preferred one is taken, keeps its store, and leaves no process', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    const messages: string[] = [];
    try {
      const first = await startLocalNeo4j({
        dataDir: dir,
        port: taken,
        log: (m) => messages.push(m),
      });
      expect(first.port).not.toBe(taken);
      expect(first.uri).toBe(`bolt://127.0.0.1:${first.port}`);
      expect(messages.join('\n')).toContain(`Port ${taken} is taken`);
      await query(first.uri, "CREATE (:Probe {name: 'kept'})");
      expect(javaFor(dir)).not.toBe('');
      await first.stop();
      await first.stop(); // safe twice
      expect(javaFor(dir)).toBe('');
    } finally {
      blocker.close();
    }

    const second = await startLocalNeo4j({ dataDir: dir, port: 0 });
    try {
      expect(await query(second.uri, 'MATCH (p:Probe) RETURN p.name AS name')).toEqual([
        { name: 'kept' },
      ]);
    } finally {
      await second.stop();
    }
    expect(javaFor(dir)).toBe('');
  });
});
