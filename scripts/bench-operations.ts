import type { Database } from '../server/db/database';
import { ENTITY_FIELDS, OVERVIEW_QUERY, RELATION_FIELDS } from '../client/src/api';

/** The client's own field lists (generated fragments), spread where the client spreads them. */
const FRAGMENTS = `${ENTITY_FIELDS.toString()}\n${RELATION_FIELDS.toString()}`;
const withFragments = (query: string) =>
  `${query}\n${query.includes('...RelationFields') ? FRAGMENTS : ENTITY_FIELDS.toString()}`;

/** One GraphQL request the benchmark times; `variants` rotate (e.g. 20 path pairs). */
export interface Operation {
  name: string;
  query: string;
  variants: Record<string, unknown>[];
  /** Compared with the same read served by @neo4j/graphql. */
  neo4jGraphql?: string;
}

/** The timeline request the explorer's first screen sends (client/src/views/timeline.ts). */
const CLIENT_TIMELINE =
  'query Timeline($first: Int) { timeline(first: $first) { date title entity { id } relation { id } } }';

export const FIRST_SCREEN: Operation[] = [
  { name: 'first screen: overview + relationTypes', query: OVERVIEW_QUERY, variants: [{}] },
  {
    name: 'first screen: timeline (first 1000)',
    query: CLIENT_TIMELINE,
    variants: [{ first: 1000 }],
  },
];

/** A small deterministic generator: the same picks on every run of the same graph. */
function picker(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

/**
 * The reads of the table, on entities picked from the loaded graph itself: the
 * best-connected entity (a hub), an entity of ordinary degree, names to search for, and
 * 20 pairs for paths.
 */
export async function operations(db: Database): Promise<Operation[]> {
  const top = await db.runText<{ id: string; name: string; degree: number }>(
    'READ',
    `MATCH (n:Entity) WHERE n.degree IS NOT NULL
     RETURN n.id AS id, n.name AS name, n.degree AS degree ORDER BY n.degree DESC LIMIT 2000`,
  );
  const hub = top[0]!;
  // An entity of modest degree: the depth-2 walk then has two real levels before the cap.
  const modest = [...top].reverse().find((e) => e.degree >= 5) ?? top[top.length - 1]!;
  const pick = picker(7);
  const names = Array.from({ length: 10 }, () => top[pick(top.length)]!.name);
  const words = names.map((name) => name.split(/\s+/).find((w) => w.length >= 5) ?? name);
  // A typo: one letter dropped from the middle of a long word.
  const typos = words.map((w) => (w.length >= 5 ? w.slice(0, 2) + w.slice(3) : w));
  const pairs = Array.from({ length: 20 }, () => ({
    from: top[pick(top.length)]!.id,
    to: top[pick(top.length)]!.id,
  })).filter((p) => p.from !== p.to);
  // The issue's own measure: 20 pairs of entities drawn from the whole graph (most of them
  // of ordinary degree), each picked by its rank in id order.
  const [counted] = await db.runText<{ count: number }>(
    'READ',
    'MATCH (n:Entity) RETURN count(n) AS count',
  );
  const count = Number(counted!.count);
  const nth = async (skip: number) =>
    (
      await db.runText<{ id: string }>(
        'READ',
        'MATCH (n:Entity) WHERE n.id IS NOT NULL RETURN n.id AS id ORDER BY n.id SKIP $skip LIMIT 1',
        { skip },
      )
    )[0]!.id;
  const randomPairs: { from: string; to: string }[] = [];
  for (let i = 0; i < 20; i++) {
    const pair = { from: await nth(pick(count)), to: await nth(pick(count)) };
    if (pair.from !== pair.to) randomPairs.push(pair);
  }

  const entityWithRelations = `query E($id: ID!) { entity(id: $id) { name relations { label target { name } } } }`;
  const neighbourhood1 = `query N($id: ID!) { neighborhood(id: $id) { entities { id } relations { id } } }`;
  return [
    { name: 'baseline: { __typename }', query: '{ __typename }', variants: [{}] },
    {
      name: 'search (names of the graph)',
      query: withFragments(
        `query S($text: String!) { search(text: $text) { score entity { ...EntityFields } } }`,
      ),
      variants: words.map((text) => ({ text })),
    },
    {
      name: 'search with a typo',
      query: `query S($text: String!) { search(text: $text) { score entity { id name } } }`,
      variants: typos.map((text) => ({ text })),
    },
    {
      name: 'entity lookup',
      query: withFragments(`query E($id: ID!) { entity(id: $id) { ...EntityFields } }`),
      variants: [{ id: modest.id }, { id: hub.id }],
    },
    {
      name: `entity + relations (hub, degree ${hub.degree})`,
      query: entityWithRelations,
      variants: [{ id: hub.id }],
      neo4jGraphql: 'entityWithRelations',
    },
    {
      name: `neighbourhood depth 1 (hub)`,
      query: neighbourhood1,
      variants: [{ id: hub.id }],
    },
    {
      // What @neo4j/graphql's `neighbours` field answers: the entities, not the relations
      // among them (the resolver then skips relations-among).
      name: `neighbourhood depth 1 (hub), entities only`,
      query: `query N($id: ID!) { neighborhood(id: $id) { entities { id } } }`,
      variants: [{ id: hub.id }],
      neo4jGraphql: 'neighbourhood',
    },
    {
      name: `neighbourhood depth 2, cap 500 (degree ${modest.degree})`,
      query: `query N($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500) { entities { id } relations { id } } }`,
      variants: [{ id: modest.id }],
    },
    {
      name: `paths ≤ 4 steps, ${randomPairs.length} random pairs`,
      query: `query P($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 4) { length narrative } }`,
      variants: randomPairs,
    },
    {
      name: `paths ≤ 4 steps, ${pairs.length} pairs of the 2,000 best connected`,
      query: `query P($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 4) { length narrative } }`,
      variants: pairs,
    },
    {
      name: 'timeline (all, first 200)',
      query: '{ timeline { date title entity { id } relation { id } } }',
      variants: [{}],
    },
    {
      name: 'timeline of the hub',
      query: `query T($id: ID!) { timeline(entityId: $id) { date title entity { id } relation { id } } }`,
      variants: [{ id: hub.id }],
    },
    {
      name: 'stats',
      query: '{ stats { entities relations byKind { kind count } byRelationType { type count } } }',
      variants: [{}],
    },
    {
      name: 'overview (150 entities)',
      query: withFragments(
        `{ overview { hiddenEntities entities { ...EntityFields } relations { ...RelationFields } } }`,
      ),
      variants: [{}],
    },
  ];
}
