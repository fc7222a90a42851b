import type { Database } from '../../server/db/database';
import { relationsAmong } from '../../server/repository/neighborhood';
import { testDatabase } from '../support/test-server';

describe('the relations among a set of entities', () => {
  let db: Database;
  let ids: string[];
  let among: string[];
  beforeAll(async () => {
    db = testDatabase();
    // A hundred entities with the fewest outgoing relations: each one's are walked in full
    // (a hub gives only a share of its own), so every relation among them must come back.
    const rows = await db.runText<{ id: string }>(
      'READ',
      `MATCH (e:Entity) RETURN e.id AS id ORDER BY COUNT { (e)-->(:Entity) }, e.id LIMIT 100`,
    );
    ids = rows.map((r) => r.id);
    const truth = await db.runText<{ id: string }>(
      'READ',
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids
       RETURN r.id AS id ORDER BY id`,
      { ids },
    );
    among = truth.map((r) => r.id);
  });
  afterAll(() => db.close());

  const read = (limit: number) =>
    relationsAmong(db, { ids, types: null, asOfMin: null, asOfMax: null, limit, detail: false });

  it('are every relation between two of them, in id order, each once', async () => {
    expect(among.length).toBeGreaterThan(20);
    const found = await read(10_000);
    expect(found.map((r) => r.id)).toEqual(among);
    for (const relation of found) {
      expect(ids).toContain(relation.sourceId);
      expect(ids).toContain(relation.targetId);
    }
  });

  it('stop at the limit with the first ones in id order', async () => {
    expect((await read(7)).map((r) => r.id)).toEqual(among.slice(0, 7));
  });
});
