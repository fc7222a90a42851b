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

export const ENTITY_FIELDS =
  'id name kind aliases summary start end degree beyondSource sources { document paragraphs }';
export const RELATION_FIELDS =
  'id type label inverseLabel summary start end value unit sources { document paragraphs } source { id } target { id }';

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
