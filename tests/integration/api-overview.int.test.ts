import { startTestServer, type TestServer } from '../support/test-server';

const OVERVIEW = `query O($limit: Int) {
  overview(limit: $limit) {
    totalEntities totalRelations hiddenEntities hiddenRelations
    entities { id degree } relations { id source { id } target { id } }
  }
  stats { entities relations byKind { kind count } }
  relationTypes { type count }
}`;

type Data = {
  overview: {
    totalEntities: number;
    totalRelations: number;
    hiddenEntities: number;
    hiddenRelations: number;
    entities: { id: string; degree: number }[];
    relations: { id: string; source: { id: string }; target: { id: string } }[];
  };
  stats: { entities: number; relations: number; byKind: { kind: string; count: number }[] };
  relationTypes: { type: string; count: number }[];
};

describe('the overview (first screen)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const overview = async (limit?: number) => {
    const { body } = await server.graphql<Data>(OVERVIEW, { limit });
    expect(body.errors).toBeUndefined();
    return body.data!;
  };

  it('shows the whole default graph when it is small enough, and says nothing is hidden', async () => {
    const { overview: o, stats } = await overview(300);
    expect(o.totalEntities).toBe(stats.entities);
    expect(o.totalRelations).toBe(stats.relations);
    expect(o.entities).toHaveLength(stats.entities);
    expect(o.relations).toHaveLength(stats.relations);
    expect([o.hiddenEntities, o.hiddenRelations]).toEqual([0, 0]);
  });

  it('keeps the best-connected entities, only relations among them, and counts the rest', async () => {
    const { overview: o, stats } = await overview(12);
    expect(o.entities).toHaveLength(12);
    const degrees = o.entities.map((e) => e.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    const { body } = await server.graphql<{ entity: { degree: number } }>(
      '{ entity(id: "japan") { degree } }',
    );
    expect(o.entities[0]!.degree).toBe(body.data!.entity.degree);
    const shown = new Set(o.entities.map((e) => e.id));
    expect(o.relations.length).toBeGreaterThan(0);
    expect(o.relations.length).toBeLessThanOrEqual(12 * 3);
    for (const r of o.relations) {
      expect(shown.has(r.source.id) && shown.has(r.target.id)).toBe(true);
    }
    expect(o.hiddenEntities).toBe(stats.entities - 12);
    expect(o.hiddenRelations).toBe(stats.relations - o.relations.length);
  });

  it('counts kinds and relationship types that add up to the totals', async () => {
    const { stats, relationTypes } = await overview();
    expect(stats.byKind.reduce((sum, k) => sum + k.count, 0)).toBe(stats.entities);
    expect(relationTypes.reduce((sum, t) => sum + t.count, 0)).toBe(stats.relations);
    const counts = relationTypes.map((t) => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('places every entity of the explorer’s overview, apart, the same way each time', async () => {
    const query = `query P($limit: Int) {
      overview(limit: $limit) { entities { id degree } positions { id x y } }
    }`;
    type Placed = {
      overview: { entities: { id: string }[]; positions: { id: string; x: number; y: number }[] };
    };
    const place = async (limit?: number) => {
      const { body } = await server.graphql<Placed>(query, { limit });
      expect(body.errors).toBeUndefined();
      return body.data!.overview;
    };
    const { entities, positions } = await place();
    expect(entities.length).toBeGreaterThan(40);
    expect(positions.map((p) => p.id).sort()).toEqual(entities.map((e) => e.id).sort());
    // A force-directed picture: no two nodes (at least 18 px wide) on top of each other.
    for (const [i, a] of positions.entries())
      for (const b of positions.slice(i + 1))
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(18);
    // The same overview is the same picture (kept, or laid out again the same way).
    expect((await place(150)).positions).toEqual(positions);
    // Another limit is not laid out by the server (whoever draws it lays it out): a request
    // cannot make the server run layouts on its one thread beyond one per loaded graph.
    const fewer = await place(20);
    expect(fewer.entities).toHaveLength(20);
    expect(fewer.positions).toEqual([]);
  });

  it('refuses a limit outside 1..300', async () => {
    for (const limit of [0, 301]) {
      const { body } = await server.graphql(OVERVIEW, { limit });
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/between 1 and 300/);
    }
  });
});
