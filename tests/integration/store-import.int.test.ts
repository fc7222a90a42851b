import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../server/db/database';
import { startLocalNeo4j } from '../../server/db/local-neo4j';
import { passwordFile } from '../../server/db/local-password';
import { loadGraphFile } from '../../seed/load';
import {
  exited,
  generateFile,
  killWhen,
  outputMatch,
  runImport,
  runScript,
} from '../support/import-runs';
import { type PrivateNeo4j, startPrivateNeo4j } from '../support/local-database';

/**
 * `npm run import` into the local store (no NEO4J_URI): the offline path, where neo4j-admin's
 * importer builds a new store beside the live one and the local Neo4j switches to it as it
 * starts. Checked against the same file loaded through transactions.
 */
/** The environment of a script on the local store in `dataDir`: no NEO4J_URI, any free port. */
function localStoreEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TRACEGRAPH_DATA_DIR: dataDir };
  env.TRACEGRAPH_NEO4J_PORT = '0';
  delete env.NEO4J_URI;
  delete env.NEO4J_PASSWORD;
  return env;
}

/** `npm run import` into the local store in `dataDir`. */
function importInto(file: string, dataDir: string) {
  return runImport(file, localStoreEnv(dataDir));
}

/** Opens the local store in `dataDir` (switching to a staged store, as `npm start` would). */
async function openStore(dataDir: string) {
  const neo4j = await startLocalNeo4j({ dataDir, port: 0, log: () => undefined });
  const db = Database.connect({
    uri: neo4j.uri,
    username: neo4j.username,
    password: neo4j.password,
    database: 'neo4j',
    timeoutMs: 120_000,
  });
  return {
    db,
    async close() {
      await db.close();
      await neo4j.stop();
    },
  };
}

/** The whole live graph as a user of the API reads it, every property, in a stable order. */
async function dump(db: Database) {
  const [row] = await db.runText<Record<string, unknown>>(
    'READ',
    `CALL () {
       MATCH (n:Entity) WITH n ORDER BY n.id RETURN collect(properties(n)) AS entities
     }
     CALL () {
       MATCH (a:Entity)-[r]->(b:Entity) WITH a, r, b ORDER BY r.id
       RETURN collect([a.id, type(r), b.id, properties(r)]) AS relations
     }
     CALL () {
       MATCH (d:DatedRelation) WITH d ORDER BY d.relationId RETURN collect(properties(d)) AS dated
     }
     CALL () {
       MATCH (d:Document) WITH d ORDER BY d.id RETURN collect(properties(d)) AS documents
     }
     MATCH (m:GraphMeta)
     RETURN entities, relations, dated, documents, m {.*, loadedAt: null} AS meta,
            COUNT { (n) WHERE n:Staged OR n:Retired } AS notLive`,
  );
  return row!;
}

/** Empty lists are stored as no property by neo4j-admin; the API reads both as []. */
function withoutEmptyLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyLists);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, withoutEmptyLists(v)]),
  );
}

describe('npm run import into the local store (offline import)', () => {
  let dir: string;
  let dataDir: string;
  let first: string;
  let second: string;
  let reference: PrivateNeo4j;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-store-import-'));
    dataDir = path.join(dir, 'data');
    first = path.join(dir, 'first.json');
    second = path.join(dir, 'second.json');
    await generateFile(first, 700, 4_000, 3);
    await generateFile(second, 900, 6_000, 4);
    reference = await startPrivateNeo4j();
  }, 360_000);
  afterAll(async () => {
    await reference?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds the same graph as a load through transactions, indexes included', async () => {
    const child = importInto(first, dataDir);
    expect(await exited(child)).toBe(0);
    expect(child.output()).toMatch(/Loaded .*700 entities, 4000 relations/);
    expect(fs.existsSync(path.join(dataDir, 'staging'))).toBe(false);

    await loadGraphFile(reference.db, first);
    const expected = withoutEmptyLists(await dump(reference.db)) as {
      entities: { name: string }[];
    };
    const store = await openStore(dataDir);
    try {
      expect(withoutEmptyLists(await dump(store.db))).toEqual(expected);
      const indexes = await store.db.runText<{ name: string; state: string }>(
        'READ',
        "SHOW INDEXES YIELD name, state WHERE name STARTS WITH 'relation_id_' OR name = 'entity_search' RETURN name, state",
      );
      expect(indexes.length).toBeGreaterThan(1);
      expect(indexes.every((i) => i.state === 'ONLINE')).toBe(true);
      const [hit] = await store.db.runText<{ id: string }>(
        'READ',
        "CALL db.index.fulltext.queryNodes('entity_search', $name) YIELD node RETURN node.id AS id LIMIT 1",
        { name: `"${expected.entities[0]!.name}"` },
      );
      expect(hit?.id).toBeDefined();
    } finally {
      await store.close();
    }
  }, 600_000);

  it('a second import of the same file changes nothing', async () => {
    const before = fs.readFileSync(path.join(dataDir, 'loaded-graph.json'), 'utf8');
    const child = importInto(first, dataDir);
    expect(await exited(child)).toBe(0);
    expect(child.output()).toMatch(/already the loaded graph/);
    expect(child.output()).not.toMatch(/Building the store/);
    expect(fs.readFileSync(path.join(dataDir, 'loaded-graph.json'), 'utf8')).toBe(before);
  }, 300_000);

  it('killed with kill -9 while it builds the store, leaves the old graph whole', async () => {
    const child = importInto(second, dataDir);
    const exit = exited(child);
    await killWhen(child, /Building the store \(2\/4/, 'it built the store');
    await exit;
    expect(fs.existsSync(path.join(dataDir, 'staging', 'READY'))).toBe(false);
    const store = await openStore(dataDir);
    try {
      const graph = await dump(store.db);
      expect((graph.entities as unknown[]).length).toBe(700);
      expect((graph.relations as unknown[]).length).toBe(4_000);
    } finally {
      await store.close();
    }
  }, 600_000);

  it('while the app holds the store, builds the new one and switches at the next start', async () => {
    const running = await openStore(dataDir);
    try {
      const child = importInto(second, dataDir);
      expect(await exited(child)).toBe(0);
      expect(child.output()).toMatch(/switches to it when it restarts/);
      // Still serving the previous graph, whole.
      const [count] = await running.db.runText<{ n: number }>(
        'READ',
        'MATCH (n:Entity) RETURN count(n) AS n',
      );
      expect(count?.n).toBe(700);
    } finally {
      await running.close();
    }
    const restarted = await openStore(dataDir);
    try {
      const graph = await dump(restarted.db);
      expect((graph.entities as unknown[]).length).toBe(900);
      expect((graph.relations as unknown[]).length).toBe(6_000);
      expect(fs.existsSync(path.join(dataDir, 'staging'))).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'retired'))).toBe(false);
    } finally {
      await restarted.close();
    }
  }, 600_000);

  it('npm run neo4j on a store switched without its indexes builds them before it is ready', async () => {
    // The store the test above switched to was opened without the schema: no index yet.
    const indexes = async (db: Database) =>
      (
        await db.runText<{ name: string }>(
          'READ',
          "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name",
        )
      ).map((r) => r.name);
    const before = await openStore(dataDir);
    let types: string[];
    try {
      expect(await indexes(before.db)).toEqual([]);
      const [row] = await before.db.runText<{ types: string[] }>(
        'READ',
        'MATCH ()-[r]->() RETURN collect(DISTINCT type(r)) AS types',
      );
      types = row!.types;
    } finally {
      await before.close();
    }
    const child = runScript('neo4j', [], localStoreEnv(dataDir));
    try {
      const [, uri] = await outputMatch(
        child,
        /Neo4j is running at (bolt:\/\/\S+)/,
        'it said it was running',
      );
      const password = fs.readFileSync(passwordFile(dataDir), 'utf8').trim();
      const db = Database.connect({ uri: uri!, username: 'neo4j', password, database: 'neo4j' });
      try {
        const names = await indexes(db);
        expect(names).toEqual(expect.arrayContaining(['entity_id', 'entity_search']));
        expect(types.length).toBeGreaterThan(0);
        for (const type of types) expect(names).toContain(`relation_id_${type.toLowerCase()}`);
      } finally {
        await db.close();
      }
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await exited(child);
    }
  }, 600_000);
});
