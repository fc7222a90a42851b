import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../server/db/database';
import { DEFAULT_GRAPH_FILE, GraphFileError, loadGraphFile } from '../../seed/load';
import { testDatabase } from '../support/test-server';

/** Everything a load could touch, as one comparable snapshot. */
async function snapshot(db: Database) {
  const [row] = await db.runText<{ nodes: number; rels: number; props: number }>(
    'READ',
    `MATCH (n) OPTIONAL MATCH (n)-[r]->()
     RETURN count(DISTINCT n) AS nodes, count(r) AS rels,
            sum(size(keys(n))) + sum(size(keys(r))) AS props`,
  );
  return row;
}

describe('loading a graph file', () => {
  let db: Database;
  let dir: string;
  const seed = JSON.parse(fs.readFileSync(DEFAULT_GRAPH_FILE, 'utf8'));

  beforeAll(() => {
    db = testDatabase({ timeoutMs: 60_000 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-load-'));
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function writeVariant(name: string, change: (graph: typeof seed) => void): string {
    const graph = structuredClone(seed);
    change(graph);
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(graph));
    return file;
  }

  it('loading the seed again changes nothing', async () => {
    const before = await snapshot(db);
    await loadGraphFile(db);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    [
      'a dangling relation end',
      (g: typeof seed) => {
        g.relations[5].target = 'no-such-entity';
      },
      '$.relations[5].target',
    ],
    [
      'an unknown kind',
      (g: typeof seed) => {
        g.entities[3].kind = 'SPACESHIP';
      },
      '$.entities[3].kind',
    ],
    [
      'a bad date',
      (g: typeof seed) => {
        g.entities[7].start = '2015-02-30';
      },
      '$.entities[7].start',
    ],
  ])(
    'refuses %s, names its JSON path and leaves the database as it was',
    async (_, change, where) => {
      const file = writeVariant('bad.json', (g) => {
        // A new entity that a partial write would leave behind.
        g.entities.push({
          id: 'would-be-written',
          name: 'Written?',
          kind: 'PERSON',
          sources: g.entities[0].sources,
        });
        change(g);
      });
      const before = await snapshot(db);
      const error = await loadGraphFile(db, file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphFileError);
      expect((error as GraphFileError).message).toContain(where);
      expect(await snapshot(db)).toEqual(before);
      const [found] = await db.runText<{ n: number }>(
        'READ',
        "MATCH (n:Entity {id: 'would-be-written'}) RETURN count(n) AS n",
      );
      expect(found?.n).toBe(0);
    },
  );

  it('refuses a file that is not JSON', async () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{ "entities": [');
    await expect(loadGraphFile(db, file)).rejects.toThrow(/\$: .*JSON/);
  });
  // Loading another graph replaces this one: tests/integration/import.int.test.ts does that on
  // its own Neo4j, so that the seed graph stays for the other suites.
});
