import { OPERATION_SHAPE } from '../../shared/limits';
import { graphql } from './generated/gql';
import type {
  DrawnEntityFragment,
  EntityFieldsFragment,
  EvidenceFieldsFragment,
  OverviewQuery,
  PathSearchQuery,
  RelationFieldsFragment,
  RelationTypesQuery,
  TimelineQuery,
  TypedDocumentString,
} from './generated/graphql';

/** Talks to POST /graphql. Every call either returns data or throws an ApiError. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

// The shapes below are the operations' own result types, generated from schema.graphql by
// `npm run codegen` (client/src/generated): a field the schema lacks does not compile.
export type Entity = EntityFieldsFragment;
export type Relation = RelationFieldsFragment;
export type Paragraph = EvidenceFieldsFragment['paragraphTexts'][number];
/** A citation; only queries that ask for the evidence carry the paragraphs' text. */
export type SourceRef = Entity['sources'][number] & { paragraphTexts?: Paragraph[] };
export interface Subgraph {
  entities: Entity[];
  relations: Relation[];
  truncated: boolean;
}
/** Canvas coordinates by entity id (a layout's result). */
export type Positions = Record<string, { x: number; y: number }>;
/** A path search with its reasons (see PathSearch in the schema). */
export type PathSearch = PathSearchQuery['pathSearch'];
export type Path = PathSearch['paths'][number];
export type TimelineEntry = TimelineQuery['timeline'][number];

/** The first screen: the graph's best-connected part and how much of the graph it leaves out. */
export type Overview = OverviewQuery['overview'];

export const ENTITY_FIELDS = graphql(`
  fragment EntityFields on Entity {
    id
    name
    kind
    aliases
    summary
    start
    end
    degree
    beyondSource
    sources {
      document
      paragraphs
      citation
    }
  }
`);
export const RELATION_FIELDS = graphql(`
  fragment RelationFields on Relation {
    id
    type
    label
    inverseLabel
    summary
    start
    end
    value
    unit
    sources {
      document
      paragraphs
      citation
    }
    source {
      id
    }
    target {
      id
    }
  }
`);
/** A source with the attached text of its paragraphs: asked for what is on show only. */
export const EVIDENCE_FIELDS = graphql(`
  fragment EvidenceFields on SourceRef {
    document
    paragraphs
    citation
    paragraphTexts {
      number
      text
    }
  }
`);

/** What the explorer loads first, at any graph size: never the whole graph. */
const OVERVIEW = graphql(`
  query Overview {
    overview {
      totalEntities
      totalRelations
      hiddenEntities
      hiddenRelations
      entities {
        ...EntityFields
      }
      relations {
        ...RelationFields
      }
      positions {
        id
        x
        y
      }
    }
    relationTypes {
      type
      label
      count
    }
  }
`);
/** The same as text, for the scripts and tests that post it themselves. */
export const OVERVIEW_QUERY = OVERVIEW.toString();

/**
 * Every operation the client sends is a read, so one that timed out (a cold database on a
 * busy machine) is tried once more before the user sees the error.
 */
export function gql<T, V>(document: TypedDocumentString<T, V>, variables?: V): Promise<T> {
  return request<T>(document.toString(), (variables ?? {}) as Record<string, unknown>);
}

/**
 * Sends a query built at run time, or one the client shares with a script (the report's,
 * server/domain/report.ts, typed there); its result is typed by the caller.
 */
export async function request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
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

export type RelationTypeInfo = NonNullable<RelationTypesQuery['relationTypes']>[number];

/** The first screen: the graph's overview and the relation types for the filter. */
/**
 * The first screen at any graph size: the best-connected entities and the relations among
 * them (never the whole graph), with how much of the graph that leaves out.
 */
export async function fetchGraph(): Promise<{
  graph: Subgraph;
  /** The overview's force-directed layout, computed by the server. */
  positions: Positions;
  relationTypes: RelationTypeInfo[];
  totals: { entities: number; relations: number };
}> {
  const { overview, relationTypes } = await gql(OVERVIEW);
  // Null only alongside an error, which `gql` has already thrown.
  if (!overview) throw new ApiError('The overview could not be read.', 'ERROR');
  return {
    graph: {
      entities: overview.entities,
      relations: overview.relations,
      truncated: overview.hiddenEntities + overview.hiddenRelations > 0,
    },
    positions: Object.fromEntries(overview.positions.map(({ id, x, y }) => [id, { x, y }])),
    relationTypes: relationTypes ?? [],
    totals: { entities: overview.totalEntities, relations: overview.totalRelations },
  };
}

export async function fetchRelationTypes(): Promise<RelationTypeInfo[]> {
  return (
    (
      await gql(
        graphql(`
          query RelationTypes {
            relationTypes {
              type
              label
              count
            }
          }
        `),
      )
    ).relationTypes ?? []
  );
}

/** An entity with its first `first` relations and both ends of each. */
export async function fetchNeighbours(id: string, first: number) {
  const data = await gql(
    graphql(`
      query Neighbours($id: ID!, $first: Int) {
        entity(id: $id) {
          ...EntityFields
          relations(first: $first) {
            ...RelationFields
            source {
              ...EntityFields
            }
            target {
              ...EntityFields
            }
          }
        }
      }
    `),
    { id, first },
  );
  return data.entity;
}

const DRAWN_ENTITY = graphql(`
  fragment DrawnEntity on Entity {
    ...EntityFields
    relations(first: 200) {
      ...RelationFields
    }
  }
`);

/**
 * One request for a batch of entities: its fields are aliases (the server takes at most
 * OPERATION_SHAPE.maxAliases), so it is built here from the generated fragment, whose type
 * is the answer's.
 */
export function entitiesQuery(ids: string[]): {
  query: string;
  variables: Record<string, string>;
} {
  const fields = ids.map((_, i) => `e${i}: entity(id: $i${i}) { ...DrawnEntity }`);
  return {
    query: `query Entities(${ids.map((_, i) => `$i${i}: ID!`).join(', ')}) { ${fields.join('\n')} }\n${DRAWN_ENTITY}`,
    variables: Object.fromEntries(ids.map((id, i) => [`i${i}`, id])),
  };
}

/** Several entities by id with their relations (for drawn query results), in batches. */
export async function fetchEntities(ids: string[]): Promise<DrawnEntityFragment[]> {
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += OPERATION_SHAPE.maxAliases)
    batches.push(ids.slice(i, i + OPERATION_SHAPE.maxAliases));
  const answers = await Promise.all(
    batches.map((batch) => {
      const { query, variables } = entitiesQuery(batch);
      return request<Record<string, DrawnEntityFragment | null>>(query, variables);
    }),
  );
  return answers
    .flatMap((data) => Object.values(data))
    .filter((e): e is DrawnEntityFragment => e !== null);
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
  const data = await gql(
    graphql(`
      query PathSearch($from: ID!, $to: ID!, $max: Int, $avoidHubs: Boolean, $types: [String!]) {
        pathSearch(
          from: $from
          to: $to
          maxLength: $max
          first: 5
          avoidHubs: $avoidHubs
          relationTypes: $types
        ) {
          paths {
            length
            narrative
            steps
            entities {
              ...EntityFields
            }
            relations {
              ...RelationFields
            }
            hubs {
              id
              name
            }
            hops {
              sentence
              date
              relation {
                sources {
                  ...EvidenceFields
                }
              }
            }
          }
          onlyThroughHubs
          routeHubs {
            id
            name
          }
          blockedBy
          unlimitedLength
          explanation
          nearest {
            entity {
              ...EntityFields
            }
            stepsFromSource
            stepsToTarget
          }
        }
      }
    `),
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
    const data = await gql(
      graphql(`
        query EntityEvidence($id: ID!) {
          entity(id: $id) {
            sources {
              ...EvidenceFields
            }
          }
        }
      `),
      { id: item.entity },
    );
    return data.entity?.sources ?? [];
  }
  const { relation } = item;
  const data = await gql(
    graphql(`
      query RelationEvidence($id: ID!, $type: String!) {
        entity(id: $id) {
          relations(types: [$type], direction: OUT, first: 500) {
            id
            sources {
              ...EvidenceFields
            }
          }
        }
      }
    `),
    { id: relation.source.id, type: relation.type },
  );
  return data.entity?.relations.find((r) => r.id === relation.id)?.sources ?? [];
}

/** The best search hit for typed text. */
export async function resolveName(text: string): Promise<Entity | null> {
  const data = await gql(
    graphql(`
      query Resolve($t: String!) {
        search(text: $t, first: 1) {
          entity {
            ...EntityFields
          }
        }
      }
    `),
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
