import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../server/db/database';
import { cypher, cypherStatements } from '../server/db/cypher';
import { isPartialDate, parseDate } from '../server/domain/dates';
import { DerivedData, type TypeWords } from './derived';
import type { GraphFile, GraphRelation, SourceRef } from './types';
import { type GraphProblem, validateGraph } from './validate';

export const DEFAULT_GRAPH_FILE = path.join(__dirname, 'graph.json');
const ONTOLOGY_FILE = path.join(__dirname, 'ontology.json');

/** A graph file that cannot be loaded; `problems` lists every reason with its JSON path. */
export class GraphFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: GraphProblem[],
  ) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.path}: ${p.message}`);
    const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
    super(`${file} cannot be loaded:\n${[...shown, ...more].join('\n')}`);
    this.name = 'GraphFileError';
  }
}

export interface LoadResult {
  documents: number;
  entities: number;
  relations: number;
}

type RelationWords = TypeWords;

/** Readable phrases of each relationship type, from the ontology when it knows the type. */
function relationWords(): Map<string, RelationWords> {
  if (!fs.existsSync(ONTOLOGY_FILE)) return new Map();
  const ontology = JSON.parse(fs.readFileSync(ONTOLOGY_FILE, 'utf8')) as {
    relationTypes: ({ type: string } & RelationWords)[];
  };
  return new Map(ontology.relationTypes.map((t) => [t.type, t]));
}

/** "Women's" → "Womens": lets people type names the way they are usually typed. */
const plain = (name: string) => name.replace(/['’‘`]/g, '');

function searchText(names: string[]): string {
  const all = new Set<string>();
  for (const name of names) all.add(name).add(plain(name));
  return [...all].join(' | ');
}

const citations = (sources: SourceRef[]) =>
  sources.flatMap((s) => s.paragraphs.map((p) => `${s.document}:${p}`));

function dateBounds(item: { start?: string; end?: string }) {
  const bounds = (value?: string) => {
    const parsed = value === undefined ? undefined : parseDate(value);
    return parsed && isPartialDate(parsed) ? parsed : undefined;
  };
  const start = bounds(item.start);
  const end = bounds(item.end);
  return {
    start: item.start ?? null,
    end: item.end ?? null,
    startMin: start?.min ?? null,
    startMax: start?.max ?? null,
    endMin: end?.min ?? null,
    endMax: end?.max ?? null,
  };
}

/** The phrases a relation of this type gets when the file gives none. */
function typeWords(type: string, words: Map<string, RelationWords>): RelationWords {
  const known = words.get(type);
  const fallback = type.toLowerCase().replace(/_/g, ' ');
  return {
    label: known?.label ?? fallback,
    inverseLabel: known?.inverseLabel ?? `is the object of "${fallback}" by`,
  };
}

function relationRow(relation: GraphRelation, words: Map<string, RelationWords>) {
  const defaults = typeWords(relation.type, words);
  return {
    id: relation.id,
    type: relation.type,
    source: relation.source,
    target: relation.target,
    properties: {
      id: relation.id,
      label: relation.label ?? defaults.label,
      inverseLabel: relation.inverseLabel ?? defaults.inverseLabel,
      summary: relation.summary ?? null,
      value: relation.value ?? null,
      unit: relation.unit ?? null,
      sources: citations(relation.sources),
      beyondSource: relation.beyondSource ?? null,
      ...dateBounds(relation),
    },
  };
}

/** The timeline's node for a relation that has a start date; none for an undated one. */
function datedRelation(row: ReturnType<typeof relationRow>) {
  const { properties: p } = row;
  if (p.start === null) return [];
  const ends = { relationId: row.id, type: row.type, source: row.source, target: row.target };
  return [{ ...ends, date: p.start, dateMin: p.startMin, dateMax: p.startMax }];
}

/** Reads and checks a graph file; throws GraphFileError naming every problem. */
export function readGraphFile(file: string): GraphFile {
  return readGraphBytes(file).graph;
}

function readGraphBytes(file: string): { graph: GraphFile; bytes: Buffer } {
  let data: unknown;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
    data = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new GraphFileError(file, [{ path: '$', message: (error as Error).message }]);
  }
  const problems = validateGraph(data);
  if (problems.length > 0) throw new GraphFileError(file, problems);
  return { graph: data as GraphFile, bytes };
}

/** The derived data of a whole graph (CONTRACT-derived.md), computed from the file alone. */
export function deriveGraph(graph: GraphFile, bytes: Buffer, words = relationWords()) {
  const derived = new DerivedData();
  derived.addBytes(bytes);
  for (const _ of graph.documents) derived.addDocument();
  for (const entity of graph.entities) derived.addEntity(entity);
  for (const relation of graph.relations) {
    derived.addRelation(relation, typeWords(relation.type, words));
  }
  return derived;
}

/** Relationship ids are indexed per type; the type was checked against the file's pattern. */
export async function ensureRelationIdIndexes(db: Database, types: string[]): Promise<void> {
  for (const type of types) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(type)) throw new Error(`Not a relationship type: ${type}`);
    const statement = cypher('relation-id-index')
      .replace('relation_id_TYPE', `relation_id_${type.toLowerCase()}`)
      .replace('`TYPE`', `\`${type}\``);
    await db.runText('WRITE', statement);
  }
  await db.read('await-indexes');
}

/** Creates the constraints and indexes (idempotent) and waits until they are online. */
export async function applySchema(db: Database): Promise<void> {
  for (const statement of cypherStatements('schema')) await db.runText('WRITE', statement);
  await db.read('await-indexes');
}

/**
 * Validates the whole file, then writes it in ONE transaction with MERGE on ids: nothing is
 * written unless all of it is valid, and loading the same file twice changes nothing.
 */
export async function loadGraphFile(db: Database, file = DEFAULT_GRAPH_FILE): Promise<LoadResult> {
  const { graph, bytes } = readGraphBytes(file);
  const words = relationWords();
  const derived = deriveGraph(graph, bytes, words);
  await ensureRelationIdIndexes(db, derived.relationTypes());
  const entities = graph.entities.map((e) => ({
    id: e.id,
    name: e.name,
    kind: e.kind,
    aliases: e.aliases ?? [],
    summary: e.summary ?? null,
    sources: citations(e.sources),
    beyondSource: e.beyondSource ?? null,
    searchText: searchText([e.name, ...(e.aliases ?? [])]),
    degree: derived.degree(e.id),
    ...dateBounds(e),
  }));
  const relations = graph.relations.map((r) => relationRow(r, words));
  await db.writeAll([
    { name: 'load-documents', params: { documents: graph.documents } },
    { name: 'load-entities', params: { entities } },
    { name: 'load-relations', params: { relations } },
    { name: 'load-dated-relations', params: { dated: relations.flatMap(datedRelation) } },
    { name: 'load-meta', params: { meta: derived.finish() } },
  ]);
  return {
    documents: graph.documents.length,
    entities: graph.entities.length,
    relations: graph.relations.length,
  };
}
