import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import type { Database } from '../server/db/database';
import { cypher, cypherStatements } from '../server/db/cypher';
import { typeWords } from '../server/domain/relation-words';
import { DerivedData, type GraphMeta } from './derived';
import { JsonSyntaxError, readJsonItems } from './json-items';
import { Progress } from './progress';
import { datedRelation, entityRow, type EntityRow, relationRow, type RelationRow } from './rows';
import { type RowSink, Spool } from './spool';
import type { GraphDocument, GraphEntity, GraphRelation } from './types';
import { GraphChecker, type GraphProblem } from './validate';

export const DEFAULT_GRAPH_FILE = path.join(__dirname, 'graph.json');
/**
 * Rows per write transaction: small enough for any heap, large enough to amortise a commit.
 * TRACEGRAPH_IMPORT_BATCH changes it (tests use small batches to watch an import midway).
 */
const BATCH_ROWS = Number(process.env.TRACEGRAPH_IMPORT_BATCH) || 10_000;
/** Nodes (with their relations) deleted per transaction when a generation is dropped. */
const DROP_BATCH = 2_000;
const TYPE_NAME = /^[A-Z][A-Z0-9_]*$/;

/** A graph file that cannot be loaded; `problems` lists every reason with its JSON path. */
export class GraphFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: GraphProblem[],
    total = problems.length,
  ) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.path}: ${p.message}`);
    const more = total > 20 ? [`  … and ${total - 20} more`] : [];
    super(`${file} cannot be loaded:\n${[...shown, ...more].join('\n')}`);
    this.name = 'GraphFileError';
  }
}

/** Neo4j refused a step of the load: its own code and message, and what the loader was doing. */
export class LoadError extends Error {
  constructor(step: string, cause: unknown) {
    const detail =
      cause instanceof Neo4jError ? `${cause.code}: ${cause.message}` : (cause as Error).message;
    super(`Neo4j refused the load (${step}): ${detail}`, { cause });
    this.name = 'LoadError';
  }
}

export interface LoadResult {
  documents: number;
  entities: number;
  relations: number;
  /** True when the database already held this exact file: nothing was written. */
  unchanged: boolean;
}

/** One item read from a file: the text of a JSON item, or a value converted from CSV. */
export type SourceItem =
  | { kind: 'section-start'; section: string }
  | { kind: 'not-array'; section: string }
  | { kind: 'section-end'; section: string; count: number }
  | { kind: 'item'; section: string; index: number; text?: string; value?: unknown; at?: string };

/** Where a graph comes from: a graph file, or neo4j-admin CSVs (seed/csv.ts). */
export interface GraphSource {
  /** For messages: the file or files. */
  name: string;
  /** Their size, for progress. */
  bytes: number;
  /** The items in file order, a group at a time (a chunk of the file). */
  items(onBytes: (chunk: Buffer) => void): AsyncIterable<SourceItem[]>;
}

export const jsonSource = (file: string): GraphSource => ({
  name: file,
  bytes: fs.statSync(file).size,
  items: (onBytes) => readJsonItems(file, onBytes),
});

/** Where the check pass puts the rows: spools for transactions, or the offline import's CSVs. */
export interface GraphSinks {
  entities: RowSink<EntityRow>;
  relations: RowSink<RelationRow>;
}

const spools = (dir: string) => ({
  entities: new Spool<EntityRow>(path.join(dir, 'entities.ndjson')),
  relations: new Spool<RelationRow>(path.join(dir, 'relations.ndjson')),
});

/** A file that passed every check, its rows written to disk by the sinks. */
export interface CheckedGraph<S extends GraphSinks = ReturnType<typeof spools>> {
  source: string;
  documents: GraphDocument[];
  sinks: S;
  derived: DerivedData;
  dir: string;
  dispose(): void;
}

type Section = 'documents' | 'entities' | 'relations';
const SECTIONS: readonly string[] = ['documents', 'entities', 'relations'];

/**
 * Pass 1, without Neo4j: streams the source, checks ALL of it (shape, dates, duplicate ids,
 * dangling ends, unknown documents: every problem with its path, in one pass), computes the
 * derived data and hands the rows to the sinks (spools in a temporary directory unless
 * told otherwise). Throws GraphFileError when anything is wrong: then nothing was started or
 * written anywhere. Each group of items is handled without an await: the pass runs at the
 * speed of parsing and checking.
 */
export async function checkGraph(
  source: GraphSource,
  progress?: Progress,
): Promise<CheckedGraph<ReturnType<typeof spools>>>;
export async function checkGraph<S extends GraphSinks>(
  source: GraphSource,
  progress: Progress | undefined,
  sinks: (dir: string) => S,
): Promise<CheckedGraph<S>>;
export async function checkGraph(
  source: GraphSource,
  progress?: Progress,
  sinks: (dir: string) => GraphSinks = spools,
): Promise<CheckedGraph<GraphSinks>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-import-'));
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  const checker = new GraphChecker();
  const derived = new DerivedData(checker.entities);
  const documents: GraphDocument[] = [];
  const made = sinks(dir);
  const { entities, relations } = made;
  const take = (section: Section, value: unknown) => {
    if (section === 'documents') {
      documents.push(value as GraphDocument);
      derived.addDocument();
    } else if (section === 'entities') {
      const entity = value as GraphEntity;
      derived.addEntity(entity);
      entities.write(entityRow(entity), checker.entities.of(entity.id));
    } else {
      const relation = value as GraphRelation;
      // The checker looked the ends up; -1 when they come later in the file (still checked).
      const { source, target } = checker;
      const from = source >= 0 ? source : checker.entities.of(relation.source);
      const to = target >= 0 ? target : checker.entities.of(relation.target);
      derived.addRelation(relation, typeWords(relation.type), from, to);
      relations.write(relationRow(relation), from, to);
    }
  };
  try {
    try {
      let read = 0;
      progress?.start('Checking the file', source.bytes, true);
      const onBytes = (chunk: Buffer) => {
        derived.addBytes(chunk);
        read += chunk.length;
        progress?.update(Math.min(read, source.bytes));
      };
      for await (const items of source.items(onBytes)) {
        for (const item of items) {
          if (item.kind !== 'item') {
            if (item.kind === 'section-end') checker.sectionEnd(item.section, item.count);
            else checker.section(item.section, item.kind === 'section-start');
            continue;
          }
          const section = item.section as Section;
          let value = item.value;
          if (item.text !== undefined) {
            try {
              value = JSON.parse(item.text);
            } catch (error) {
              checker.add({
                path: `$.${section}[${item.index}]`,
                message: `not valid JSON: ${(error as Error).message}`,
              });
              continue;
            }
          }
          if (!SECTIONS.includes(section)) continue;
          // Once a problem is found, the rest is only checked: the rows would be thrown away.
          if (checker.item(section, item.index, value, item.at) && checker.total === 0) {
            take(section, value);
          }
        }
      }
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      checker.add({ path: '$', message: error.message });
    }
    entities.close();
    relations.close();
    const problems = checker.finish();
    if (problems.length > 0) throw new GraphFileError(source.name, problems, checker.total);
    return { source: source.name, documents, sinks: made, derived, dir, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/**
 * Creates the constraints and indexes (idempotent), the id index of every relationship type
 * the store holds (a store built by the offline import has none yet), and waits until they
 * are online. All in one transaction: Neo4j then fills them together instead of one commit
 * and one population job after the other.
 */
export async function applySchema(db: Database): Promise<void> {
  const [[row] = []] = await step('reading relationship types', () =>
    db.writeSteps([{ name: 'relation-types' }]),
  );
  const types = ((row?.types as string[] | undefined) ?? []).filter((t) => TYPE_NAME.test(t));
  const schema = cypherStatements('schema').map((_, i) => ({ name: `schema#${i}` }));
  await step('applying the schema', () =>
    db.writeSteps([...schema, ...relationIdIndexes(types)], 600_000),
  );
  await step('waiting for indexes', () => db.writeSteps([{ name: 'await-indexes' }], 600_000));
}

/** Relationship ids are indexed per type; the type was checked against the file's pattern. */
function relationIdIndexes(types: string[]) {
  return types.map((type) => {
    if (!TYPE_NAME.test(type)) throw new Error(`Not a relationship type: ${type}`);
    const text = cypher('relation-id-index')
      .replace('relation_id_TYPE', `relation_id_${type.toLowerCase()}`)
      .replace('`TYPE`', `\`${type}\``);
    return { name: 'relation-id-index', text };
  });
}

/** The text of every schema statement for a graph with these relationship types. */
export function schemaStatements(types: string[]): string[] {
  return [...cypherStatements('schema'), ...relationIdIndexes(types).map((s) => s.text)];
}

/** Creates the id indexes of these relationship types and waits until they are online. */
export async function ensureRelationIdIndexes(db: Database, types: string[]): Promise<void> {
  await db.writeSteps(relationIdIndexes(types), 600_000);
  // In the loader's own transaction (long timeout): new indexes on a large store take a while.
  await db.writeSteps([{ name: 'await-indexes' }], 600_000);
}

async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new LoadError(what, error);
  }
}

/**
 * Deletes what an interrupted import left (a staged generation, a retired one not yet
 * dropped), in batches. The live graph is not touched. Returns the number of nodes deleted.
 */
export async function dropGenerations(db: Database, progress?: Progress): Promise<number> {
  let total = 0;
  for (;;) {
    const [rows] = await step('dropping an old generation', () =>
      db.writeSteps([{ name: 'drop-generation', params: { batch: DROP_BATCH } }]),
    );
    const deleted = Number(rows?.[0]?.deleted ?? 0);
    total += deleted;
    progress?.update(total);
    if (deleted === 0) return total;
  }
}

/** Runs `write` on each batch while the next one is read: one transaction in flight. */
async function pipeline<T>(
  batches: AsyncIterable<T[]>,
  write: (batch: T[]) => Promise<void>,
): Promise<void> {
  let inFlight: Promise<void> | undefined;
  for await (const batch of batches) {
    await inFlight;
    inFlight = write(batch);
    // Keeps an early failure from going unhandled while the next batch is being read.
    inFlight.catch(() => undefined);
  }
  await inFlight;
}

export interface WriteOptions {
  log?: (line: string) => void;
  progress?: Progress;
  /** Write even when the database already holds this exact file. */
  force?: boolean;
}

/**
 * Pass 2: writes a checked graph as a new generation under staging labels (invisible to the
 * app), in batches, then switches it live in one short transaction and drops the old one.
 * Killed at any point, the live graph is whole (old before the switch, new after it), and
 * the next load removes the leftovers first.
 */
export async function writeGraph(
  db: Database,
  graph: CheckedGraph,
  options: WriteOptions = {},
): Promise<LoadResult> {
  const log = options.log ?? (() => undefined);
  const progress = options.progress ?? new Progress(log, false);
  const meta: GraphMeta = graph.derived.finish();
  const result = {
    documents: meta.documents,
    entities: meta.entities,
    relations: meta.relations,
    unchanged: false,
  };
  const [[current] = []] = await step('reading the loaded graph', () =>
    db.writeSteps([{ name: 'current-meta' }]),
  );
  const leftovers = await dropGenerations(db);
  if (leftovers > 0) log(`Removed ${leftovers} nodes left by an interrupted import.`);
  if (current?.fileHash === meta.fileHash && !options.force) return { ...result, unchanged: true };

  await step('creating relation id indexes', () =>
    ensureRelationIdIndexes(db, graph.derived.relationTypes()),
  );
  await step('staging documents', () =>
    db.writeSteps([{ name: 'stage-documents', params: { rows: graph.documents } }]),
  );

  const elementIds = new Map<string, string>();
  progress.start('Writing entities', meta.entities);
  await pipeline(graph.sinks.entities.batches(BATCH_ROWS), async (batch) => {
    const rows = batch.map((row) => ({ ...row, degree: graph.derived.degree(row.id) }));
    const [created] = await step('writing entities', () =>
      db.writeSteps([{ name: 'stage-entities', params: { rows } }]),
    );
    for (const r of created ?? []) elementIds.set(r.id as string, r.elementId as string);
    progress.update(elementIds.size);
  });

  let written = 0;
  progress.start('Writing relations', meta.relations);
  await pipeline(graph.sinks.relations.batches(BATCH_ROWS), async (batch) => {
    const rows = batch.map((row) => ({
      type: row.type,
      source: elementIds.get(row.source),
      target: elementIds.get(row.target),
      properties: row.properties,
      dated: datedRelation(row)[0] ?? null,
    }));
    const [[created] = []] = await step('writing relations', () =>
      db.writeSteps([{ name: 'stage-relations', params: { rows } }]),
    );
    // Ends are found by element id: a staged entity that vanished (another process cleaned
    // up while this import ran) would silently drop relations, so the count is checked.
    if (Number(created?.created) !== batch.length) {
      throw new LoadError(
        'writing relations',
        new Error('staged entities disappeared during the import; is another import running?'),
      );
    }
    written += batch.length;
    progress.update(written);
  });

  const switched = performance.now();
  await step('switching to the new graph', () =>
    db.writeSteps(
      cypherStatements('switch-generation').map((_, i) => ({
        name: `switch-generation#${i}`,
        params: { meta },
      })),
      600_000,
    ),
  );
  log(`Switched to the new graph in ${Math.round(performance.now() - switched)} ms.`);
  const dropped = await dropGenerations(db);
  log(`Dropped the previous graph (${dropped} nodes).`);
  return result;
}

/** Checks a source (pass 1), then writes it (pass 2); see checkGraph and writeGraph. */
export async function loadGraph(
  db: Database,
  source: GraphSource,
  options: WriteOptions = {},
): Promise<LoadResult> {
  const graph = await checkGraph(source);
  try {
    return await writeGraph(db, graph, options);
  } finally {
    graph.dispose();
  }
}

/** Loads a graph file (the seed by default) as the whole live graph. */
export function loadGraphFile(
  db: Database,
  file = DEFAULT_GRAPH_FILE,
  options: WriteOptions = {},
): Promise<LoadResult> {
  return loadGraph(db, jsonSource(file), options);
}
