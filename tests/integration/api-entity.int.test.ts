import { startTestServer, type TestServer } from '../support/test-server';

describe('entity, neighborhood, stats', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('returns an entity with its sources, degree and relations', async () => {
    const { body } = await server.graphql<{
      entity: {
        id: string;
        name: string;
        kind: string;
        aliases: string[];
        degree: number;
        sources: { document: string; paragraphs: number[] }[];
        relations: {
          type: string;
          label: string;
          source: { id: string };
          target: { id: string };
        }[];
      };
    }>(`{ entity(id: "liancourt-rocks") {
      id name kind aliases degree sources { document paragraphs }
      relations(first: 100) { type label source { id } target { id } }
    } }`);
    expect(body.errors).toBeUndefined();
    const rocks = body.data!.entity;
    expect(rocks.name).toMatch(/Liancourt/);
    expect(rocks.aliases).toEqual(expect.arrayContaining(['Takeshima', 'Dokdo']));
    expect(rocks.sources[0]).toEqual({
      document: 'globalsecurity-japan-rok-relations',
      paragraphs: expect.any(Array),
    });
    expect(rocks.relations.length).toBe(rocks.degree);
    for (const r of rocks.relations) {
      expect([r.source.id, r.target.id]).toContain('liancourt-rocks');
      expect(r.label.length).toBeGreaterThan(0);
    }
  });

  it('filters relations by type and direction', async () => {
    const { body } = await server.graphql<{
      entity: {
        out: { source: { id: string } }[];
        in: { target: { id: string } }[];
        all: unknown[];
      };
    }>(`{ entity(id: "shinzo-abe") {
      out: relations(direction: OUT, first: 500) { source { id } }
      in: relations(direction: IN, first: 500) { target { id } }
      all: relations(first: 500) { id }
    } }`);
    const abe = body.data!.entity;
    expect(abe.out.every((r) => r.source.id === 'shinzo-abe')).toBe(true);
    expect(abe.in.every((r) => r.target.id === 'shinzo-abe')).toBe(true);
    expect(abe.out.length + abe.in.length).toBe(abe.all.length);
    const typed = await server.graphql<{ entity: { relations: { type: string }[] } }>(
      `{ entity(id: "shinzo-abe") { relations(types: ["PARTICIPATED_IN"], first: 500) { type } } }`,
    );
    expect(typed.body.data!.entity.relations.length).toBeGreaterThan(0);
    expect(typed.body.data!.entity.relations.every((r) => r.type === 'PARTICIPATED_IN')).toBe(true);
  });

  it('answers null for an unknown id and refuses an unknown relationship type', async () => {
    const missing = await server.graphql(`{ entity(id: "nobody") { id } }`);
    expect(missing.body).toEqual({ data: { entity: null } });
    const badType = await server.graphql(
      `{ entity(id: "shinzo-abe") { relations(types: ["LOVES"]) { id } } }`,
    );
    expect(badType.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badType.body.errors?.[0]?.message).toMatch(/Unknown relationship type "LOVES"/);
  });

  const NEIGHBORHOOD = `query N($id: ID!, $depth: Int, $limit: Int, $types: [String!], $asOf: Date) {
    neighborhood(id: $id, depth: $depth, limit: $limit, relationTypes: $types, asOf: $asOf) {
      truncated entities { id start end } relations { type source { id } target { id } start end }
    } }`;
  type Sub = {
    neighborhood: {
      truncated: boolean;
      entities: { id: string; start: string | null; end: string | null }[];
      relations: {
        type: string;
        source: { id: string };
        target: { id: string };
        start: string | null;
      }[];
    };
  };

  it('gives the neighbourhood with the centre first, relations only among its entities', async () => {
    const { body } = await server.graphql<Sub>(NEIGHBORHOOD, { id: 'liancourt-rocks' });
    expect(body.errors).toBeUndefined();
    const n = body.data!.neighborhood;
    expect(n.entities[0]?.id).toBe('liancourt-rocks');
    expect(n.truncated).toBe(false);
    const ids = new Set(n.entities.map((e) => e.id));
    for (const r of n.relations) {
      expect(ids.has(r.source.id) && ids.has(r.target.id)).toBe(true);
    }
    const deeper = await server.graphql<Sub>(NEIGHBORHOOD, { id: 'liancourt-rocks', depth: 2 });
    expect(deeper.body.data!.neighborhood.entities.length).toBeGreaterThan(n.entities.length);
  });

  it("answers an entity's relations asked for names and phrases as the full read does", async () => {
    type Relations = {
      entity: {
        relations: {
          id: string;
          type: string;
          label: string;
          inverseLabel: string;
          summary?: string | null;
          source: { id: string; name: string; kind: string; degree: number };
          target: { id: string; name: string; summary?: string | null };
        }[];
      };
    };
    const fields = 'id type label inverseLabel source { id name kind degree }';
    // Brief: the phrases and the ends' names (relations-of.cypher leaves the rest in Neo4j).
    const brief = await server.graphql<Relations>(
      `{ entity(id: "japan") { relations(first: 500) { ${fields} target { id name } } } }`,
    );
    // Full: a summary asked of the relation and of its far end.
    const full = await server.graphql<Relations>(
      `{ entity(id: "japan") { relations(first: 500) { ${fields} summary target { id name summary } } } }`,
    );
    expect(brief.body.errors).toBeUndefined();
    expect(full.body.errors).toBeUndefined();
    const b = brief.body.data!.entity.relations;
    const f = full.body.data!.entity.relations;
    expect(b.length).toBeGreaterThan(10);
    expect(b).toEqual(
      f.map(({ summary: _summary, target, ...rest }) => ({
        ...rest,
        target: { id: target.id, name: target.name },
      })),
    );
    expect(f.some((r) => r.summary)).toBe(true);
    expect(f.some((r) => r.target.summary)).toBe(true);
    // Both in one request, under two names: each answered as asked.
    const both = await server.graphql<{ a: Relations['entity']; b: Relations['entity'] }>(
      `{ a: entity(id: "japan") { relations(first: 500) { ${fields} target { id name } } }
         b: entity(id: "japan") { relations(first: 500) { ${fields} summary target { id name summary } } } }`,
    );
    expect(both.body.data!.a.relations).toEqual(b);
    expect(both.body.data!.b.relations).toEqual(f);
  });

  it('answers a neighbourhood asked for ids alone as the full one, and full records where asked', async () => {
    type Picture = {
      neighborhood: {
        entities: { id: string; name?: string; summary?: string | null }[];
        relations: {
          id: string;
          label?: string;
          summary?: string | null;
          source: { id: string; name?: string; summary?: string | null };
        }[];
      };
    };
    const variables = { id: 'japan', depth: 2, limit: 60 };
    const bare = await server.graphql<Picture>(
      `query N($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) {
        entities { id } relations { id source { id } } } }`,
      variables,
    );
    // Names and labels alone: each as the whole records have it.
    const named = await server.graphql<Picture>(
      `query N($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) {
        entities { id name } relations { id label } } }`,
      variables,
    );
    // The same walk with every field: the details come along, the picture is the same.
    const full = await server.graphql<Picture>(
      `query N($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) {
        entities { id name summary } relations { id label summary source { id name summary } } } }`,
      variables,
    );
    expect(bare.body.errors).toBeUndefined();
    expect(full.body.errors).toBeUndefined();
    const a = bare.body.data!.neighborhood;
    const b = full.body.data!.neighborhood;
    expect(a.entities.map((e) => e.id)).toEqual(b.entities.map((e) => e.id));
    expect(a.relations.map((r) => r.id)).toEqual(b.relations.map((r) => r.id));
    const n = named.body.data!.neighborhood;
    expect(n.entities.map((e) => [e.id, e.name])).toEqual(b.entities.map((e) => [e.id, e.name]));
    expect(n.relations.map((r) => [r.id, r.label])).toEqual(
      b.relations.map((r) => [r.id, r.label]),
    );
    const { body } = await server.graphql<{ entity: { summary: string } }>(
      '{ entity(id: "japan") { summary } }',
    );
    expect(body.data!.entity.summary).toBeTruthy();
    // Summaries are there for entities and relations that have one, ends included.
    const withSummary = b.entities.filter((e) => e.summary);
    expect(withSummary.length).toBeGreaterThan(b.entities.length / 2);
    expect(b.relations.every((r) => r.label && r.label.length > 0)).toBe(true);
    expect(b.relations.filter((r) => r.summary).length).toBeGreaterThan(0);
    const japan = b.relations.find((r) => r.source.id === 'japan');
    expect(japan?.source.summary).toBe(body.data!.entity.summary);
    // Ids alone asked of the entities, a summary of a relation's end: the end still has it.
    const mixed = await server.graphql<Picture>(
      `query N($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) {
        entities { id } relations { id source { id summary } } } }`,
      variables,
    );
    const ends = new Map(b.relations.map((r) => [r.source.id, r.source.summary]));
    for (const r of mixed.body.data!.neighborhood.relations) {
      expect(r.source.summary).toBe(ends.get(r.source.id));
    }
  });

  it('lists every relation among a depth-1 neighbourhood that fills its limit, as among one that does not', async () => {
    // Filled (read with its relations in one statement) and not (step, then relations-among).
    for (const limit of [6, 200]) {
      const { body } = await server.graphql<{
        neighborhood: {
          truncated: boolean;
          entities: { id: string }[];
          relations: { id: string }[];
        };
      }>(
        `query N($limit: Int) { neighborhood(id: "japan", limit: $limit) {
          truncated entities { id } relations { id } } }`,
        { limit },
      );
      const n = body.data!.neighborhood;
      expect(n.truncated).toBe(limit === 6);
      const ids = n.entities.map((e) => e.id);
      if (limit === 6) expect(ids).toHaveLength(6);
      const truth = await server.db.runText<{ id: string }>(
        'READ',
        `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN r.id AS id`,
        { ids },
      );
      expect(truth.length).toBeGreaterThan(limit === 6 ? 5 : 50);
      expect(n.relations.map((r) => r.id).sort()).toEqual(truth.map((r) => r.id).sort());
    }
  });

  it('caps the neighbourhood at limit and says it was truncated', async () => {
    const { body } = await server.graphql<Sub>(NEIGHBORHOOD, { id: 'japan', depth: 2, limit: 5 });
    expect(body.data!.neighborhood.entities).toHaveLength(5);
    expect(body.data!.neighborhood.truncated).toBe(true);
  });

  it('as of a date keeps only what had begun and not ended', async () => {
    const { body } = await server.graphql<Sub>(NEIGHBORHOOD, {
      id: 'japan',
      depth: 2,
      limit: 500,
      asOf: '1995',
    });
    const n = body.data!.neighborhood;
    const ids = n.entities.map((e) => e.id);
    expect(ids).toContain('asian-womens-fund');
    expect(ids).not.toContain('korea-japan-summit-2016-09');
    for (const e of n.entities.slice(1))
      if (e.start) expect(e.start.slice(0, 4) <= '1995').toBe(true);
    for (const r of n.relations) if (r.start) expect(r.start.slice(0, 4) <= '1995').toBe(true);
  });

  it('refuses depth 4, limit 100000000, an unknown centre and an impossible asOf', async () => {
    for (const variables of [
      { id: 'japan', depth: 4 },
      { id: 'japan', limit: 100_000_000 },
      { id: 'nobody' },
      { id: 'japan', asOf: '2015-02-30' },
      { id: 'japan', types: ['DROP_DATABASE'] },
    ]) {
      const { body } = await server.graphql(NEIGHBORHOOD, variables);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('answers a centre that the walk cannot leave with the centre alone, as asked', async () => {
    // A relationship type the graph has but the centre has none of: the step finds nothing.
    const { body: types } = await server.graphql<{
      relationTypes: { type: string }[];
      entity: { relations: { type: string }[] };
    }>(`{ relationTypes { type } entity(id: "japan") { relations(first: 500) { type } } }`);
    const own = new Set(types.data!.entity.relations.map((r) => r.type));
    const other = types.data!.relationTypes.map((t) => t.type).find((t) => !own.has(t));
    expect(other).toBeDefined();
    const [stored] = await server.db.runText<{ name: string; summary: string }>(
      'READ',
      'MATCH (n:Entity {id: "japan"}) RETURN n.name AS name, n.summary AS summary',
    );
    for (const depth of [1, 2]) {
      const { body } = await server.graphql<{
        neighborhood: {
          truncated: boolean;
          entities: { id: string; name: string; summary: string | null; degree: number }[];
          relations: { id: string }[];
        };
      }>(
        `query N($depth: Int, $types: [String!]) { neighborhood(id: "japan", depth: $depth, relationTypes: $types) {
          truncated entities { id name summary degree } relations { id } } }`,
        { depth, types: [other] },
      );
      expect(body.errors).toBeUndefined();
      const n = body.data!.neighborhood;
      expect(n.entities).toEqual([
        { id: 'japan', name: stored!.name, summary: stored!.summary, degree: expect.any(Number) },
      ]);
      expect(n.entities[0]!.degree).toBeGreaterThan(0);
      expect(n.relations).toEqual([]);
      expect(n.truncated).toBe(false);
    }
    const brief = await server.graphql<{
      neighborhood: { entities: { id: string; name: string }[] };
    }>(
      `query N($types: [String!]) { neighborhood(id: "japan", relationTypes: $types) { entities { id name } } }`,
      { types: [other] },
    );
    expect(brief.body.data!.neighborhood.entities).toEqual([{ id: 'japan', name: stored!.name }]);
    const unknown = await server.graphql(`{ neighborhood(id: "nobody") { entities { id } } }`);
    expect(unknown.body.errors?.[0]?.message).toBe('No entity with id "nobody"');
  });

  it('counts the graph by kind and by relationship type', async () => {
    const { body } = await server.graphql<{
      stats: {
        entities: number;
        relations: number;
        byKind: { kind: string; count: number }[];
        byRelationType: { type: string; count: number; label: string }[];
      };
      kinds: string[];
      relationTypes: { type: string }[];
    }>(
      `{ stats { entities relations byKind { kind count } byRelationType { type label count } } kinds relationTypes { type } }`,
    );
    const stats = body.data!.stats;
    const [row] = await server.db.runText<{ n: number; r: number }>(
      'READ',
      'MATCH (n:Entity) WITH count(n) AS n MATCH (:Entity)-[r]->(:Entity) RETURN n, count(r) AS r',
    );
    expect(stats.entities).toBe(row!.n);
    expect(stats.relations).toBe(row!.r);
    expect(stats.byKind.reduce((sum, k) => sum + k.count, 0)).toBe(stats.entities);
    expect(stats.byRelationType.reduce((sum, t) => sum + t.count, 0)).toBe(stats.relations);
    expect(body.data!.kinds).toEqual(expect.arrayContaining(['PERSON', 'DISPUTE', 'EVENT']));
    expect(body.data!.relationTypes.map((t) => t.type).sort()).toEqual(
      stats.byRelationType.map((t) => t.type).sort(),
    );
  });
});
