import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../../server/config';
import { type LocalNeo4j, startLocalNeo4j } from '../../server/db/local-neo4j';
import { passwordFile } from '../../server/db/local-password';
import { testNeo4j } from '../support/test-neo4j';

// Each start of Neo4j costs seconds on two cores, so one store goes through a whole life:
// started on a taken port, refused to a second Neo4j, stopped, started again by `npm run neo4j`
// in a process that is then killed.

/** Java processes whose command line names this store: what `pgrep -f` would show. */
function javaFor(dir: string): string {
  try {
    return execFileSync('pgrep', ['-f', `LocalNeo4j --home ${dir} --port`], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number) {
  for (const deadline = Date.now() + timeoutMs; !condition();) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function query(uri: string, cypher: string, password: string) {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), {
    disableLosslessIntegers: true,
  });
  try {
    const { records } = await driver.executeQuery(cypher);
    return records.map((r) => r.toObject());
  } finally {
    await driver.close();
  }
}

// Each start takes 10-80 s on two shared cores.
jest.setTimeout(240_000);

const SMALL = { heap: 512 * 1024 * 1024, pageCache: 64 * 1024 * 1024 };

describe('the local Neo4j', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-local-'));
  let first: LocalNeo4j | undefined;
  afterAll(async () => {
    await first?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('moves to a free port when the preferred one is taken, next to the suite’s own Neo4j', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    const messages: string[] = [];
    try {
      first = await startLocalNeo4j({
        dataDir: dir,
        port: taken,
        memory: SMALL,
        log: (m) => messages.push(m),
      });
    } finally {
      blocker.close();
    }
    expect(first.port).not.toBe(taken);
    expect(first.uri).toBe(`bolt://127.0.0.1:${first.port}`);
    expect(messages.join('\n')).toContain(
      `Port ${taken} is taken; the local Neo4j uses ${first.port}`,
    );
    expect(first.uri).not.toBe(process.env.TRACEGRAPH_TEST_NEO4J_URI);
    expect(await query(first.uri, 'RETURN 1 AS one', first.password)).toEqual([{ one: 1 }]);
    // The suite's Neo4j (global setup) keeps answering next to it.
    const suite = testNeo4j();
    expect(await query(suite.uri, 'RETURN 2 AS two', suite.password)).toEqual([{ two: 2 }]);
  });

  it('refuses, quickly and plainly, a second Neo4j on a store that is in use', async () => {
    await query(first!.uri, "CREATE (:Probe {name: 'kept'})", first!.password);
    const started = Date.now();
    await expect(startLocalNeo4j({ dataDir: dir, port: 0, memory: SMALL })).rejects.toThrow(
      `another Neo4j is already using the store in ${dir}`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops (twice is fine) and leaves no Java process behind', async () => {
    expect(javaFor(dir)).not.toBe('');
    await first!.stop();
    await first!.stop();
    expect(javaFor(dir)).toBe('');
  });

  it('keeps the store across starts, and its Java process dies with the Node process', async () => {
    // `npm run neo4j` as one Node process (the tsx CLI would add a second), on any free port.
    const script = spawn(process.execPath, ['--import', 'tsx', 'scripts/neo4j.ts', '--port', '0'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        TRACEGRAPH_DATA_DIR: dir,
        TRACEGRAPH_NEO4J_HEAP: '512m',
        TRACEGRAPH_NEO4J_PAGE_CACHE: '64m',
      },
      stdio: 'pipe',
    });
    let out = '';
    script.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    script.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    try {
      await waitUntil(() => /running at bolt:/.test(out) || script.exitCode !== null, 180_000);
      const uri = /Neo4j is running at (bolt:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      expect(uri).toBeDefined();
      expect(out).toContain(`store: ${dir}`);
      const password = fs.readFileSync(passwordFile(dir), 'utf8').trim();
      expect(await query(uri!, 'MATCH (p:Probe) RETURN p.name AS name', password)).toEqual([
        { name: 'kept' },
      ]);
    } finally {
      // No chance to clean up: only the closed stdin pipe tells Java that its parent is gone.
      script.kill('SIGKILL');
    }
    await waitUntil(() => javaFor(dir) === '', 20_000);
  });
});
