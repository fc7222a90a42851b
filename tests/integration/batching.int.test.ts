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
});
