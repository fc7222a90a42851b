import { startTestServer, type TestServer } from '../support/test-server';

const TIMELINE = `query T($from: Date, $to: Date, $entityId: ID, $kinds: [EntityKind!], $first: Int) {
  timeline(from: $from, to: $to, entityId: $entityId, kinds: $kinds, first: $first) {
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

  it('lists dated entities of every kind and dated relations in date order, partial dates before the days in them', async () => {
    const entries = await timeline({ first: 1000 });
    expect(entries.length).toBeGreaterThan(10);
    const dates = entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const e of entries) {
      expect((e.entity === null) !== (e.relation === null)).toBe(true);
    }
    expect(entries.some((e) => e.date === '1965-06-22')).toBe(true);
    const kinds = new Set(entries.flatMap((e) => (e.entity ? [e.entity.kind] : [])));
    expect(kinds).toContain('EVENT');
    expect(kinds).toContain('AGREEMENT');
  });

  it('keeps to the kinds asked for, and then lists no relations', async () => {
    const entries = await timeline({ kinds: ['AGREEMENT', 'STATEMENT'], first: 1000 });
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.relation).toBeNull();
      expect(['AGREEMENT', 'STATEMENT']).toContain(e.entity!.kind);
    }
    const ofAbe = await timeline({ entityId: 'shinzo-abe', kinds: ['EVENT'], first: 1000 });
    expect(ofAbe.length).toBeGreaterThan(0);
    for (const e of ofAbe) expect(e.entity!.kind).toBe('EVENT');
  });

  it('cuts at first in date order: the first n entries are the start of the whole list', async () => {
    const all = await timeline({ first: 1000 });
    const some = await timeline({ first: 7 });
    expect(some.map((e) => e.date)).toEqual(all.slice(0, 7).map((e) => e.date));
    const late = await timeline({ from: '2012', first: 5 });
    const allLate = await timeline({ from: '2012', first: 1000 });
    expect(late.map((e) => e.title)).toEqual(allLate.slice(0, 5).map((e) => e.title));
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

  it('gives the same entries asked for ids alone as with every field, details where asked', async () => {
    type Full = {
      timeline: {
        title: string;
        entity: { id: string; summary: string | null } | null;
        relation: {
          id: string;
          summary: string | null;
          source: { id: string; summary: string | null };
        } | null;
      }[];
    };
    for (const entityId of [undefined, 'japan']) {
      const bare = await timeline({ entityId, first: 300 });
      const { body } = await server.graphql<Full>(
        `query T($entityId: ID) { timeline(entityId: $entityId, first: 300) {
          title entity { id summary } relation { id summary source { id summary } } } }`,
        { entityId },
      );
      expect(body.errors).toBeUndefined();
      const full = body.data!.timeline;
      expect(bare.map((e) => [e.title, e.entity?.id, e.relation?.id])).toEqual(
        full.map((e) => [e.title, e.entity?.id, e.relation?.id]),
      );
      expect(full.filter((e) => e.entity?.summary).length).toBeGreaterThan(0);
      expect(full.filter((e) => e.relation?.summary).length).toBeGreaterThan(0);
      // An end asked for its summary has it, even where the entries came without details.
      const { body: mixed } = await server.graphql<Full>(
        `query T($entityId: ID) { timeline(entityId: $entityId, first: 300) {
          title entity { id } relation { id source { id summary } } } }`,
        { entityId },
      );
      const summaries = mixed.data!.timeline.flatMap((e) =>
        e.relation ? [e.relation.source] : [],
      );
      expect(summaries.length).toBeGreaterThan(0);
      for (const end of summaries) {
        const { body: one } = await server.graphql<{ entity: { summary: string | null } }>(
          'query E($id: ID!) { entity(id: $id) { summary } }',
          { id: end.id },
        );
        expect(end.summary).toBe(one.data!.entity.summary);
      }
    }
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
