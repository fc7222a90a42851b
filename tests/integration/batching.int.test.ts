import { startTestServer, type TestServer } from '../support/test-server';

describe('round trips to Neo4j', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('stays bounded for 200 entities with their relations and both ends of each', async () => {
    const query = `{ graph(limit: 200) { entities { id name relations(first: 20) {
      id label source { id name degree } target { id name degree } } } } }`;
    const before = server.db.queryCount;
    const { body } = await server.graphql<{ graph: { entities: { relations: unknown[] }[] } }>(
      query,
    );
    const trips = server.db.queryCount - before;
    expect(body.errors).toBeUndefined();
    const entities = body.data!.graph.entities;
    const relations = entities.reduce((n, e) => n + e.relations.length, 0);
    expect(entities.length).toBeGreaterThan(20);
    expect(relations).toBeGreaterThan(entities.length);
    // top entities, relations among them, entity records, relations of all, their ends: a
    // handful of statements however many entities and relations come back.
    expect(trips).toBeLessThanOrEqual(6);
  });

  it.each([
    [
      'a search with its entities',
      1,
      '{ search(text: "Dokdo") { score entity { id name degree } } }',
    ],
    [
      // The documents it cites come with the entity (entities-by-id.cypher), as with a search.
      'an entity with its citations',
      1,
      '{ entity(id: "shinzo-abe") { name sources { document citation } } }',
    ],
    [
      'a search with its entities and their citations',
      1,
      '{ search(text: "Dokdo") { entity { id sources { citation url } } } }',
    ],
    [
      // One statement reads the entity with its relations (the resolver looks ahead).
      'an entity, its relations and their other ends',
      1,
      '{ entity(id: "shinzo-abe") { name relations { label source { name } target { name } } } }',
    ],
    [
      // The walk's first statement reads the centre too, then relations-among.
      'a depth-1 neighbourhood with its entities and relation ends',
      2,
      '{ neighborhood(id: "japan") { entities { id name } relations { source { id } target { id } } } }',
    ],
    [
      // Its limit filled, the walk reads the relations among them itself (neighborhood-1).
      'a depth-1 neighbourhood that fills its limit',
      1,
      '{ neighborhood(id: "japan", limit: 8) { entities { id name } relations { source { id } target { id } } } }',
    ],
    [
      // Nobody asked for the relations among them: the walk alone (no relations-among).
      'a depth-1 neighbourhood, entities only',
      1,
      '{ neighborhood(id: "japan") { entities { id name } } }',
    ],
    [
      // The first level with the centre, then one statement for the second level.
      'a depth-2 neighbourhood, entities only',
      2,
      '{ neighborhood(id: "liancourt-rocks", depth: 2) { entities { id name } } }',
    ],
    [
      // The neighbours' full records come from the walk, and the centre's with them.
      'a depth-1 neighbourhood with full records',
      1,
      '{ neighborhood(id: "japan") { entities { id name aliases summary start end } } }',
    ],
    [
      // Filtered, so read (the whole graph's is kept: tests/integration/kept-answers).
      'a timeline with its entities and relation ends',
      1,
      '{ timeline(first: 50, from: "1900") { title entity { name } relation { source { name } target { name } } } }',
    ],
    [
      // Both ends in one lookup, beside the weights and the two bounded searches
      // (server/repository/paths.ts), then the steps' entities: a fixed count, whatever the
      // paths found.
      'paths with their entities',
      5,
      '{ paths(from: "lee-myung-bak", to: "liancourt-rocks") { entities { name } } }',
    ],
  ])('%s costs %d statement(s)', async (_, expected, query) => {
    const before = server.db.queryCount;
    const { body } = await server.graphql(query);
    expect(body.errors).toBeUndefined();
    expect(server.db.queryCount - before).toBe(expected);
  });
});
