/** Talks to POST /graphql. Every call either returns data or throws an ApiError. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface SourceRef {
  document: string;
  paragraphs: number[];
  /** "Japan-ROK Relations (GlobalSecurity.org), ¶ 11, 13, 15", as the server formats it. */
  citation: string;
  /** The attached text of the cited paragraphs; only queries that ask for it carry it. */
  paragraphTexts?: Paragraph[];
}
export interface Paragraph {
  number: number;
  text: string;
}
export interface Entity {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  summary: string | null;
  start: string | null;
  end: string | null;
  degree: number;
  sources: SourceRef[];
  beyondSource?: string | null;
}
export interface Relation {
  id: string;
  type: string;
  label: string;
  inverseLabel: string;
  summary: string | null;
  start: string | null;
  end: string | null;
  value: number | null;
  unit: string | null;
  sources: SourceRef[];
  source: { id: string };
  target: { id: string };
}
export interface Subgraph {
  entities: Entity[];
  relations: Relation[];
  truncated: boolean;
}
export interface Path {
  length: number;
  narrative: string;
  steps: string[];
  entities: Entity[];
  relations: Relation[];
  /** The hubs the path passes, in walking order. */
  hubs: { id: string; name: string }[];
  /** Each step's sentence (with its date) and its relation's sources with their text. */
  hops: { sentence: string; date: string | null; relation: { sources: SourceRef[] } }[];
}

/** A path search with its reasons (see PathSearch in the schema). */
export interface PathSearch {
  paths: Path[];
  onlyThroughHubs: boolean;
  routeHubs: { id: string; name: string }[];
  blockedBy: string[];
  unlimitedLength: number | null;
  nearest: { entity: Entity; stepsFromSource: number; stepsToTarget: number }[];
  explanation: string | null;
}
export interface TimelineEntry {
  date: string;
  title: string;
  entity: { id: string } | null;
  relation: { id: string } | null;
}

/** The first screen: the graph's best-connected part and how much of the graph it leaves out. */
export interface Overview {
  entities: Entity[];
  relations: Relation[];
  totalEntities: number;
  totalRelations: number;
  hiddenEntities: number;
  hiddenRelations: number;
}
export interface RelationTypeCount {
  type: string;
  label: string;
  count: number;
}

export const ENTITY_FIELDS =
  'id name kind aliases summary start end degree beyondSource sources { document paragraphs citation }';
/** A source with the attached text of its paragraphs: asked for what is on show only. */
export const EVIDENCE_FIELDS = 'document paragraphs citation paragraphTexts { number text }';
export const RELATION_FIELDS =
  'id type label inverseLabel summary start end value unit sources { document paragraphs citation } source { id } target { id }';

/** What the explorer loads first, at any graph size: never the whole graph. */
export const OVERVIEW_QUERY = `{
  overview { totalEntities totalRelations hiddenEntities hiddenRelations
    entities { ${ENTITY_FIELDS} } relations { ${RELATION_FIELDS} } }
  relationTypes { type label count } }`;

/**
 * Every operation the client sends is a read, so one that timed out (a cold database on a
 * busy machine) is tried once more before the user sees the error.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  try {
    return await send<T>(query, variables);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'QUERY_TIMEOUT')
      return send<T>(query, variables);
    throw error;
  }
}

async function send<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The server cannot be reached.', 'NETWORK');
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} without data.`, 'NETWORK');
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(first!.message, first!.extensions?.code ?? 'ERROR');
  }
  return body.data as T;
}

export interface RelationTypeInfo {
  type: string;
  label: string;
  count: number;
}

/** The first screen: the graph's overview and the relation types for the filter. */
/**
 * The first screen at any graph size: the best-connected entities and the relations among
 * them (never the whole graph), with how much of the graph that leaves out.
 */
export async function fetchGraph(): Promise<{
  graph: Subgraph;
  relationTypes: RelationTypeInfo[];
  totals: { entities: number; relations: number };
}> {
  const { overview, relationTypes } = await gql<{
    overview: Overview;
    relationTypes: RelationTypeInfo[] | null;
  }>(OVERVIEW_QUERY);
  return {
    graph: {
      entities: overview.entities,
      relations: overview.relations,
      truncated: overview.hiddenEntities + overview.hiddenRelations > 0,
    },
    relationTypes: relationTypes ?? [],
    totals: { entities: overview.totalEntities, relations: overview.totalRelations },
  };
}

export async function fetchRelationTypes(): Promise<RelationTypeInfo[]> {
  return (
    await gql<{ relationTypes: RelationTypeInfo[] }>('{ relationTypes { type label count } }')
  ).relationTypes;
}

type Neighbours = { degree: number; relations: (Relation & { source: Entity; target: Entity })[] };

/** An entity with its first `first` relations and both ends of each. */
export async function fetchNeighbours(
  id: string,
  first: number,
): Promise<(Entity & Neighbours) | null> {
  const data = await gql<{ entity: (Entity & Neighbours) | null }>(
    `query Neighbours($id: ID!, $first: Int) { entity(id: $id) { ${ENTITY_FIELDS} relations(first: $first) {
      ${RELATION_FIELDS} source { ${ENTITY_FIELDS} } target { ${ENTITY_FIELDS} } } } }`,
    { id, first },
  );
  return data.entity;
}

/** Several entities by id with their relations (for drawn query results). */
export async function fetchEntities(
  ids: string[],
): Promise<(Entity & { relations: Relation[] })[]> {
  if (ids.length === 0) return [];
  const fields = ids.map(
    (_, i) =>
      `e${i}: entity(id: $i${i}) { ${ENTITY_FIELDS} relations(first: 200) { ${RELATION_FIELDS} } }`,
  );
  const data = await gql<Record<string, (Entity & { relations: Relation[] }) | null>>(
    `query Entities(${ids.map((_, i) => `$i${i}: ID!`).join(', ')}) { ${fields.join('\n')} }`,
    Object.fromEntries(ids.map((id, i) => [`i${i}`, id])),
  );
  return Object.values(data).filter((e): e is Entity & { relations: Relation[] } => e !== null);
}

export interface PathQuery {
  from: string;
  to: string;
  maxLength: number;
  avoidHubs: boolean;
  types: string[];
}

/** The paths between two entities, and why there are none (or only through hubs). */
export async function fetchPathSearch(query: PathQuery): Promise<PathSearch> {
  const data = await gql<{ pathSearch: PathSearch }>(
    `query PathSearch($from: ID!, $to: ID!, $max: Int, $avoidHubs: Boolean, $types: [String!]) {
      pathSearch(from: $from, to: $to, maxLength: $max, first: 5, avoidHubs: $avoidHubs,
        relationTypes: $types) {
        paths { length narrative steps entities { ${ENTITY_FIELDS} } relations { ${RELATION_FIELDS} }
          hubs { id name } hops { sentence date relation { sources { ${EVIDENCE_FIELDS} } } } }
        onlyThroughHubs routeHubs { id name } blockedBy unlimitedLength explanation
        nearest { entity { ${ENTITY_FIELDS} } stepsFromSource stepsToTarget } } }`,
    {
      from: query.from,
      to: query.to,
      max: query.maxLength,
      avoidHubs: query.avoidHubs,
      types: query.types.length ? query.types : null,
    },
  );
  return data.pathSearch;
}

/**
 * The sources of an entity, or of a relation (found among its source's relations of its
 * type), with the attached text of every cited paragraph.
 */
export async function fetchEvidence(
  item: { entity: string } | { relation: Relation },
): Promise<SourceRef[]> {
  if ('entity' in item) {
    const data = await gql<{ entity: { sources: SourceRef[] } | null }>(
      `query EntityEvidence($id: ID!) { entity(id: $id) { sources { ${EVIDENCE_FIELDS} } } }`,
      { id: item.entity },
    );
    return data.entity?.sources ?? [];
  }
  const { relation } = item;
  const data = await gql<{ entity: { relations: { id: string; sources: SourceRef[] }[] } | null }>(
    `query RelationEvidence($id: ID!, $type: String!) { entity(id: $id) {
      relations(types: [$type], direction: OUT, first: 500) { id sources { ${EVIDENCE_FIELDS} } } } }`,
    { id: relation.source.id, type: relation.type },
  );
  return data.entity?.relations.find((r) => r.id === relation.id)?.sources ?? [];
}

/** The best search hit for typed text. */
export async function resolveName(text: string): Promise<Entity | null> {
  const data = await gql<{ search: { entity: Entity }[] }>(
    `query Resolve($t: String!) { search(text: $t, first: 1) { entity { ${ENTITY_FIELDS} } } }`,
    { t: text.slice(0, 200) },
  );
  return data.search[0]?.entity ?? null;
}

/** True when the API and its database answer. */
export async function healthy(): Promise<boolean> {
  try {
    const response = await fetch('/health');
    return response.ok;
  } catch {
    return false;
  }
}
