import { startTestServer, type TestServer } from '../support/test-server';

const SEARCH = `query Search($text: String!, $kinds: [EntityKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) { score entity { id name kind aliases } }
}`;

type Hits = { search: { score: number; entity: { id: string; name: string; kind: string } }[] };

describe('search', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const search = async (text: string, extra: Record<string, unknown> = {}) => {
    const { body } = await server.graphql<Hits>(SEARCH, { text, ...extra });
    expect(body.errors).toBeUndefined();
    return body.data!.search;
  };

  it.each([
    ['Dokdo', 'liancourt-rocks'],
    ['Takeshima', 'liancourt-rocks'],
    ['ROK', 'south-korea'],
    ['DPRK', 'north-korea'],
    ['Pyongyang', 'north-korea'],
    ['Shinzo Abe', 'shinzo-abe'],
  ])('finds %s by name or alias, first', async (text, id) => {
    const hits = await search(text);
    expect(hits[0]?.entity.id).toBe(id);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['독도', 'liancourt-rocks'],
    ['竹島', 'liancourt-rocks'],
    ['安倍晋三', 'shinzo-abe'],
    ['문재인', 'moon-jae-in'],
    ['박근혜', 'park-geun-hye'],
    ['朴槿惠', 'park-geun-hye'],
    ['大韓民国', null],
    ['대한민국', 'south-korea'],
  ])('finds the native-script name %s, first and as an exact match', async (text, id) => {
    const hits = await search(text);
    if (id === null) {
      // Not a name of anything: at most a weak, partial match, never an exact one.
      expect(hits.every((h) => h.score < 3)).toBe(true);
      return;
    }
    expect(hits[0]?.entity.id).toBe(id);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(3);
  });

  it('tolerates a typo and a missing apostrophe', async () => {
    expect((await search('Kishda'))[0]?.entity.id).toBe('fumio-kishida');
    expect((await search('Asian Womens Fund'))[0]?.entity.id).toBe('asian-womens-fund');
  });

  it('ranks an exact match above a prefix above a fuzzy one', async () => {
    const hits = await search('Moon');
    expect(hits[0]?.entity.id).toBe('moon-jae-in');
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const prefix = await search('Liancou');
    expect(prefix[0]?.entity.id).toBe('liancourt-rocks');
    expect(prefix[0]!.score).toBeGreaterThanOrEqual(2);
    expect(prefix[0]!.score).toBeLessThan(3);
  });

  it('filters by kind and respects first', async () => {
    const people = await search('Park', { kinds: ['PERSON'] });
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((h) => h.entity.kind === 'PERSON')).toBe(true);
    expect(await search('Japan', { first: 2 })).toHaveLength(2);
  });

  it('returns nothing for text that matches nothing or has no words', async () => {
    expect(await search('zzzzqqqq')).toEqual([]);
    expect(await search('   ')).toEqual([]);
  });

  it('treats Lucene and Cypher syntax as plain words', async () => {
    for (const text of [
      'name:*',
      '*',
      'Abe~10 OR *:*',
      '") MATCH (n) DETACH DELETE n //',
      '[a TO z]',
      'AND OR NOT',
    ]) {
      const { status, body } = await server.graphql<Hits>(SEARCH, { text });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    expect((await search('Abe~10 OR'))[0]?.entity.id).toBe('shinzo-abe');
  });

  it('refuses text over 200 characters and first over 50', async () => {
    const long = await server.graphql(SEARCH, { text: 'a'.repeat(201) });
    expect(long.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const many = await server.graphql(SEARCH, { text: 'Abe', first: 51 });
    expect(many.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(many.body.errors?.[0]?.message).toMatch(/first must be between 1 and 50/);
  });
});
