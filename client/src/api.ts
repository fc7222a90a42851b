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
  'id name kind aliases summary start end degree beyondSource sources { document paragraphs }';
export const RELATION_FIELDS =
  'id type label inverseLabel summary start end value unit sources { document paragraphs } source { id } target { id }';

/** What the explorer loads first, at any graph size: never the whole graph. */
export const OVERVIEW_QUERY = `{
  overview { totalEntities totalRelations hiddenEntities hiddenRelations
    entities { ${ENTITY_FIELDS} } relations { ${RELATION_FIELDS} } }
  relationTypes { type label count } }`;

/**
 * "106 entities, 276 relations." when the whole graph is shown, else what is shown of how
 * much: "150 of 100,000 entities and 450 of 1,000,000 relations shown; search to find the rest."
 */
export function overviewSummary(o: Overview): string {
  if (o.totalEntities === 0) return 'The graph is empty: load one with `npm run seed`.';
  if (o.hiddenEntities + o.hiddenRelations === 0) {
    return `${o.entities.length} entities, ${o.relations.length} relations.`;
  }
  const n = (value: number) => value.toLocaleString('en');
  return (
    `${n(o.entities.length)} of ${n(o.totalEntities)} entities and ` +
    `${n(o.relations.length)} of ${n(o.totalRelations)} relations shown; search to find the rest.`
  );
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
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

/** True when the API and its database answer. */
export async function healthy(): Promise<boolean> {
  try {
    const response = await fetch('/health');
    return response.ok;
  } catch {
    return false;
  }
}
