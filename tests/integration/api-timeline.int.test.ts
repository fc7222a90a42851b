import { startTestServer, type TestServer } from '../support/test-server';

const TIMELINE = `query T($from: Date, $to: Date, $entityId: ID, $first: Int) {
  timeline(from: $from, to: $to, entityId: $entityId, first: $first) {
    date title entity { id kind } relation { id source { id } target { id } }
  } }`;

type Entries = {
  timeline: {
    date: string;
    title: string;
    entity: { id: string; kind: string } | null;
    relation: { id: string; source: { id: string }; target: { id: string } } | null;
  }[];
};

describe('timeline', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const timeline = async (variables: Record<string, unknown> = {}) => {
    const { body } = await server.graphql<Entries>(TIMELINE, variables);
    expect(body.errors).toBeUndefined();
    return body.data!.timeline;
  };

  it('lists events and dated relations in date order, partial dates before the days in them', async () => {
    const entries = await timeline({ first: 1000 });
    expect(entries.length).toBeGreaterThan(10);
    const dates = entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const e of entries) {
      expect((e.entity === null) !== (e.relation === null)).toBe(true);
      if (e.entity) expect(e.entity.kind).toBe('EVENT');
    }
    expect(entries.some((e) => e.date === '1965-06-22')).toBe(true);
  });

  it('keeps to a range, comparing partial dates by the period they cover', async () => {
    const entries = await timeline({ from: '2012', to: '2015-12', first: 1000 });
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.date >= '2012').toBe(true);
      expect(e.date.slice(0, 7) <= '2015-12').toBe(true);
    }
  });

  it('keeps to one entity and what is one step from it', async () => {
    const entries = await timeline({ entityId: 'shinzo-abe', first: 1000 });
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      if (e.relation) expect([e.relation.source.id, e.relation.target.id]).toContain('shinzo-abe');
    }
    const all = await timeline({ first: 1000 });
    expect(entries.length).toBeLessThan(all.length);
  });

  it('returns nothing for an empty range and respects first', async () => {
    expect(await timeline({ from: '1800', to: '1801' })).toEqual([]);
    expect(await timeline({ first: 3 })).toHaveLength(3);
  });

  it('refuses impossible dates, a reversed range and an unknown entity', async () => {
    for (const variables of [
      { from: '2015-02-30' },
      { to: 'yesterday' },
      { from: '2016', to: '2015' },
      { entityId: 'nobody' },
    ]) {
      const { body } = await server.graphql(TIMELINE, variables);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/date|before|entity|YYYY/i);
    }
    for (const query of [
      '{ timeline(first: 1001) { date } }',
      '{ graph(limit: 5001) { truncated } }',
    ]) {
      const { body } = await server.graphql(query);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/between 1 and (1000|5000)/);
    }
    const literal = await server.graphql(`{ timeline(from: "1965-13-01") { date } }`);
    expect(literal.body.errors?.[0]?.message).toMatch(/Invalid Date/);
  });
});
