import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { formatSize, neo4jMemory } from '../server/db/jvm-memory';
import { ensureLocalNeo4jBuilt } from '../server/db/local-neo4j';
import type { GraphMeta } from './derived';
import { ARRAY_DELIMITER, type CsvColumn, ImportCsv } from './import-csv';
import { type CheckedGraph, type RelationSink } from './load';
import { Progress } from './progress';
import { datedRelation, type EntityRow, type RelationRow } from './rows';

/**
 * The offline import for the local Neo4j: a checked graph is written as CSV files and handed
 * to the engine of `neo4j-admin database import full` (on the local Neo4j's classpath), which
 * builds a whole new store in `<data>/staging/` at disk speed while the live one keeps
 * serving. `staging/READY` marks it complete; the local Neo4j switches to it when it next
 * starts (LocalNeo4j.java applyStagedStore: renames, safe against a kill at any point).
 * Interrupted before READY, nothing changed: the next import deletes the half-built store.
 */

/** The hash of the file the live store holds, kept beside it (switched in with the store). */
export const LOADED_GRAPH_FILE = 'loaded-graph.json';

/** The dates an entity or a relation carries, as written and as bounds (server/domain/dates.ts). */
const DATE_COLUMNS: CsvColumn[] = [
  { name: 'start' },
  { name: 'end' },
  { name: 'startMin' },
  { name: 'startMax' },
  { name: 'endMin' },
  { name: 'endMax' },
];

const RELATION_PROPERTIES: CsvColumn[] = [
  { name: 'id' },
  { name: 'label' },
  { name: 'inverseLabel' },
  { name: 'summary' },
  { name: 'value', type: 'double' },
  { name: 'unit' },
  { name: 'sources', type: 'string[]' },
  { name: 'beyondSource' },
  ...DATE_COLUMNS,
];

const ENTITY_COLUMNS: CsvColumn[] = [
  { name: 'id:ID(Entity)', field: 'id', raw: true },
  { name: 'name' },
  { name: 'kind' },
  { name: 'aliases', type: 'string[]' },
  { name: 'summary' },
  { name: 'sources', type: 'string[]' },
  { name: 'beyondSource' },
  { name: 'searchText' },
  ...DATE_COLUMNS,
  { name: 'degree', type: 'long' },
];

const DOCUMENT_COLUMNS: CsvColumn[] = [
  { name: 'id:ID(Document)', field: 'id', raw: true },
  { name: 'title' },
  { name: 'publisher' },
  { name: 'url' },
  { name: 'date' },
];

const META_COLUMNS: CsvColumn[] = [
  { name: 'id' },
  { name: 'entities', type: 'long' },
  { name: 'relations', type: 'long' },
  { name: 'documents', type: 'long' },
  { name: 'byKind' },
  { name: 'byRelationType' },
  { name: 'hubDegree', type: 'long' },
  { name: 'fileHash' },
  { name: 'loadedAt' },
];

/** Relations (and their DatedRelation nodes) written straight to CSV while the file is checked. */
export class RelationCsvSink implements RelationSink {
  readonly relations: ImportCsv;
  readonly dated: ImportCsv;

  constructor(dir: string) {
    this.relations = new ImportCsv(path.join(dir, 'relations.csv'), [
      { name: ':START_ID(Entity)', field: 'source', raw: true },
      { name: ':END_ID(Entity)', field: 'target', raw: true },
      { name: ':TYPE', field: 'type', raw: true },
      ...RELATION_PROPERTIES,
    ]);
    this.dated = new ImportCsv(path.join(dir, 'dated-relations.csv'), [
      { name: 'relationId' },
      { name: 'type' },
      { name: 'source' },
      { name: 'target' },
      { name: 'date' },
      { name: 'dateMin' },
      { name: 'dateMax' },
      ...RELATION_PROPERTIES,
    ]);
  }

  async write(row: RelationRow): Promise<void> {
    const properties = row.properties as Record<string, unknown>;
    await this.relations.writeFrom((column) => {
      const field = column.field ?? column.name;
      return field === 'source' || field === 'target' || field === 'type'
        ? row[field]
        : properties[field];
    });
    // The same node the transactional load writes (seed/rows.ts), one shape for both.
    for (const dated of datedRelation(row)) await this.dated.write(dated);
  }

  async close(): Promise<void> {
    await Promise.all([this.relations.close(), this.dated.close()]);
  }
}

/** True when a process with this pid runs (signal 0 only asks). */
function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    return process.kill(pid, 0);
  } catch {
    return false;
  }
}

/** One import at a time per store: a lock file holding the pid, taken over when that pid is gone. */
function takeLock(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (running(pid)) {
        throw new Error(`Another import (pid ${pid}) is building a store in this data directory.`, {
          cause: error,
        });
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Cannot take the import lock ${file}`);
}

/** The file hash of the graph the live local store holds, when an import recorded it. */
export function loadedFileHash(dataDir: string): string | undefined {
  try {
    const kept = JSON.parse(fs.readFileSync(path.join(dataDir, LOADED_GRAPH_FILE), 'utf8')) as {
      fileHash?: string;
    };
    return kept.fileHash;
  } catch {
    return undefined;
  }
}

/** Records which file the live store holds (after a load through transactions). */
export function recordLoadedGraph(dataDir: string, meta: GraphMeta): void {
  const { fileHash, entities, relations, documents, loadedAt } = meta;
  const record = { fileHash, entities, relations, documents, loadedAt };
  fs.writeFileSync(path.join(dataDir, LOADED_GRAPH_FILE), JSON.stringify(record) + '\n');
}

/** Drops the record when the store is loaded another way (the default graph into an empty one). */
export function forgetLoadedGraph(dataDir: string): void {
  fs.rmSync(path.join(dataDir, LOADED_GRAPH_FILE), { force: true });
}

/** Writes the node files the check pass could not write as it went (they need every degree). */
async function writeNodeFiles(graph: CheckedGraph<RelationCsvSink>, meta: GraphMeta) {
  const entities = new ImportCsv(path.join(graph.dir, 'entities.csv'), ENTITY_COLUMNS);
  for await (const batch of graph.entities.batches<EntityRow>(10_000)) {
    for (const row of batch) await entities.write({ ...row, degree: graph.derived.degree(row.id) });
  }
  const documents = new ImportCsv(path.join(graph.dir, 'documents.csv'), DOCUMENT_COLUMNS);
  for (const document of graph.documents) await documents.write({ ...document });
  const metaFile = new ImportCsv(path.join(graph.dir, 'graph-meta.csv'), META_COLUMNS);
  await metaFile.write({ ...meta });
  await Promise.all([entities.close(), documents.close(), metaFile.close()]);
  return { entities, documents, meta: metaFile };
}

/** Runs neo4j-admin's importer into `home`; progress from its stage and percent lines. */
async function runImporter(home: string, args: string[], progress: Progress): Promise<void> {
  const classpath = await ensureLocalNeo4jBuilt(() => undefined);
  fs.mkdirSync(path.join(home, 'conf'), { recursive: true });
  fs.writeFileSync(path.join(home, 'conf', 'neo4j.conf'), '');
  const heap = formatSize(neo4jMemory().heap);
  const java = [`-Xmx${heap}`, '-XX:+UseG1GC', '-cp', classpath, 'org.neo4j.cli.AdminTool'];
  const child = spawn('java', [...java, 'database', 'import', 'full', ...args], {
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let rest = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    const lines = (rest + text).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      const stage = /^\((\d)\/(\d)\) (.+?) \d{4}-\d\d-\d\d/.exec(line);
      if (stage)
        progress.start(`Building the store (${stage[1]}/${stage[2]} ${stage[3]})`, 100, true);
      const percent = /\s(\d{1,3})% ∆/.exec(line);
      if (percent) progress.update(Number(percent[1]));
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) =>
      reject(new Error(`Cannot run java (is a JDK 17 installed?): ${error.message}`)),
    );
    child.once('close', resolve);
  });
  if (code !== 0) {
    const reason =
      /(?:Error|Exception|error):? .*$/m.exec(output)?.[0] ??
      output.trim().split('\n').slice(-5).join('\n');
    throw new Error(`Neo4j's importer refused the graph (exit code ${code}): ${reason}`);
  }
}

export interface StoreImportResult {
  documents: number;
  entities: number;
  relations: number;
  /** True when the live store already holds this exact file: nothing was built. */
  unchanged: boolean;
  /** The staged store, complete; it goes live when the local Neo4j next starts. */
  staging?: string;
}

/**
 * Builds a new store for the local Neo4j in `<dataDir>/staging/` from a checked graph (see
 * checkGraph with a RelationCsvSink). The live store is not touched; it is replaced when the
 * local Neo4j next starts.
 */
export async function buildStore(
  dataDir: string,
  graph: CheckedGraph<RelationCsvSink>,
  options: { log?: (line: string) => void; progress?: Progress; force?: boolean } = {},
): Promise<StoreImportResult> {
  const log = options.log ?? (() => undefined);
  const progress = options.progress ?? new Progress(log, false);
  const meta = graph.derived.finish();
  const counts = { documents: meta.documents, entities: meta.entities, relations: meta.relations };
  if (!options.force && loadedFileHash(dataDir) === meta.fileHash) {
    return { ...counts, unchanged: true };
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const release = takeLock(path.join(dataDir, 'import.lock'));
  const staging = path.join(dataDir, 'staging');
  try {
    // A half-built store of an interrupted import, or a built one never switched in: this
    // newer one replaces it.
    fs.rmSync(staging, { recursive: true, force: true });
    const nodes = await writeNodeFiles(graph, meta);
    const { relations, dated } = graph.relations;
    const multiline = [nodes.entities, nodes.documents, relations, dated].some((f) => f.multiline);
    await runImporter(
      staging,
      [
        `--nodes=Entity=${nodes.entities.file}`,
        `--nodes=Document=${nodes.documents.file}`,
        `--nodes=DatedRelation=${dated.file}`,
        `--nodes=GraphMeta=${nodes.meta.file}`,
        `--relationships=${relations.file}`,
        `--array-delimiter=${ARRAY_DELIMITER}`,
        `--multiline-fields=${multiline}`,
        '--overwrite-destination=true',
        `--report-file=${path.join(graph.dir, 'import.report')}`,
        'neo4j',
      ],
      progress,
    );
    const record = {
      fileHash: meta.fileHash,
      ...counts,
      loadedAt: meta.loadedAt,
    };
    fs.writeFileSync(path.join(staging, LOADED_GRAPH_FILE), JSON.stringify(record) + '\n');
    // Last: from here on the staged store is complete and the next start switches to it.
    const ready = fs.openSync(path.join(staging, 'READY'), 'w');
    fs.fsyncSync(ready);
    fs.closeSync(ready);
    return { ...counts, unchanged: false, staging };
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}
