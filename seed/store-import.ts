import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatSize, neo4jMemory } from '../server/db/jvm-memory';
import { cypher } from '../server/db/cypher';
import { ensureLocalNeo4jBuilt } from '../server/db/local-neo4j';
import type { GraphMeta } from './derived';
import { ARRAY_DELIMITER, type CsvColumn, ImportCsv } from './import-csv';
import { type CheckedGraph, schemaStatements } from './load';
import { Progress } from './progress';
import { DATED_FIELDS, DATED_REPEATS, type EntityRow, type RelationRow } from './rows';
import { type RowSink } from './spool';

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

const DEGREE_COLUMN: CsvColumn = { name: 'degree', type: 'long' };

/**
 * Nodes that relationships refer to carry an integer id (`--id-type=integer`): the entity's
 * number (seed/entity-numbers.ts), given by the check pass with each row; the `id` property
 * is a plain column. neo4j-admin maps integers without the string ids' encoding, sorting and
 * collision checks: measured on 1M relations, its relationship stage took about a third less
 * time and CPU.
 */
const ENTITY_ID = ':ID(Entity)';
const RELATION_ENDS = [':START_ID(Entity)', ':END_ID(Entity)'];

const ENTITY_COLUMNS: CsvColumn[] = [
  { name: 'id' },
  { name: 'name' },
  { name: 'kind' },
  { name: 'aliases', type: 'string[]' },
  { name: 'summary' },
  { name: 'sources', type: 'string[]' },
  { name: 'beyondSource' },
  { name: 'searchText' },
  ...DATE_COLUMNS,
  DEGREE_COLUMN,
];

/** No relationship refers to a document node: no id column for the importer. */
const DOCUMENT_COLUMNS: CsvColumn[] = [
  { name: 'id' },
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

/** Degrees are known once every relation is read: a fixed-width field, filled in at the end. */
const DEGREE_WIDTH = 10;
const DEGREE_PLACEHOLDER = '0'.repeat(DEGREE_WIDTH);

/**
 * Entities written straight to CSV while the file is checked, each with a placeholder for its
 * degree; fillDegrees writes the degrees in place once the relations are counted.
 */
export class EntityCsvSink implements RowSink<EntityRow> {
  readonly csv: ImportCsv<EntityRow>;
  private readonly numbers: number[] = [];
  /** Byte offset of each entity's degree field in the file. */
  private readonly offsets: number[] = [];
  private position: number;

  constructor(dir: string) {
    this.csv = new ImportCsv<EntityRow>(
      path.join(dir, 'entities.csv'),
      ENTITY_COLUMNS,
      (field) =>
        field === DEGREE_COLUMN.name
          ? () => DEGREE_PLACEHOLDER
          : (row) => (row as Record<string, unknown>)[field],
      [ENTITY_ID],
    );
    this.position = Buffer.byteLength(this.csv.header);
  }

  write(row: EntityRow, number: number): void {
    const bytes = Buffer.byteLength(this.csv.write(row, `${number},`));
    this.numbers.push(number);
    this.offsets.push(this.position + bytes - 1 - DEGREE_WIDTH);
    this.position += bytes;
  }

  close(): void {
    this.csv.close();
  }

  /** After close: writes each entity's degree (by its number) over its placeholder. */
  fillDegrees(degree: (number: number) => number): void {
    const fd = fs.openSync(this.csv.file, 'r+');
    try {
      this.numbers.forEach((number, i) => {
        const digits = String(degree(number));
        if (digits === '0') return;
        fs.writeSync(fd, digits.padStart(DEGREE_WIDTH, '0'), this.offsets[i]);
      });
    } finally {
      fs.closeSync(fd);
    }
  }
}

/** A relation's property, or one of its ends or its type (`source`, `target`, `type`). */
const relationField = (field: string) => {
  if (field === 'source' || field === 'target' || field === 'type') {
    return (row: RelationRow) => row[field];
  }
  return (row: RelationRow) => (row.properties as Record<string, unknown>)[field];
};

/** Relations (and their DatedRelation nodes) written straight to CSV while the file is checked. */
export class RelationCsvSink implements RowSink<RelationRow> {
  readonly relations: ImportCsv<RelationRow>;
  readonly dated: ImportCsv<RelationRow>;

  constructor(dir: string) {
    this.relations = new ImportCsv(
      path.join(dir, 'relations.csv'),
      [{ name: ':TYPE', field: 'type', raw: true }, ...RELATION_PROPERTIES],
      relationField,
      RELATION_ENDS,
    );
    // The same node the transactional load writes (seed/rows.ts datedRelation), one shape for
    // both. No relationship refers to it: no id column.
    this.dated = new ImportCsv(
      path.join(dir, 'dated-relations.csv'),
      [
        ...Object.keys(DATED_FIELDS).map((name) => ({ name })),
        ...RELATION_PROPERTIES.filter((c) => !DATED_REPEATS.includes(c.name)),
      ],
      (field) =>
        Object.hasOwn(DATED_FIELDS, field)
          ? DATED_FIELDS[field as keyof typeof DATED_FIELDS]
          : relationField(field),
    );
  }

  /** `source`, `target`: the numbers of the relation's ends. */
  write(row: RelationRow, source: number, target: number): void {
    this.relations.write(row, `${source},${target},`);
    if (row.properties.start !== null) this.dated.write(row);
  }

  close(): void {
    this.relations.close();
    this.dated.close();
  }
}

/** The sinks of the offline import: checkGraph writes the importer's CSVs as it checks. */
export const csvSinks = (dir: string) => ({
  entities: new EntityCsvSink(dir),
  relations: new RelationCsvSink(dir),
});

export type CsvGraph = CheckedGraph<ReturnType<typeof csvSinks>>;

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

/** The node files the check pass could not write as it went: they need the whole file read. */
function writeNodeFiles(graph: CsvGraph, meta: GraphMeta) {
  const entities = graph.sinks.entities;
  entities.fillDegrees((number) => graph.derived.degreeOf(number));
  const documents = new ImportCsv(path.join(graph.dir, 'documents.csv'), DOCUMENT_COLUMNS);
  for (const document of graph.documents) documents.write({ ...document });
  documents.close();
  const metaFile = new ImportCsv(path.join(graph.dir, 'graph-meta.csv'), META_COLUMNS);
  metaFile.write({ ...meta });
  metaFile.close();
  return { entities: entities.csv, documents, meta: metaFile };
}

/** The lines of the import JVM that say how long a step took or how much memory it used. */
const IMPORTER_TIMING =
  /^tracegraph-import: timing |COMPLETED in |IMPORT DONE in |^Peak memory usage/;

/** What the import JVM reports besides the importer's own output (neo4j/…/StoreImport.java). */
type ImportStage = 'indexes' | 'switched' | 'staged';

/**
 * The import JVM (tracegraph.StoreImport), started before the file is checked: while Node.js
 * reads the file, it loads its classes and warms up on a throw-away two-node store, so the
 * importer and the index build start hot. `run` hands it the job: neo4j-admin's importer into
 * `<dataDir>/staging`, then, when the live store is free, the switch and the index build.
 * Progress comes from the importer's stage and percent lines; `onStage` hears the steps after
 * it. `stop` ends its input: a JVM still waiting for its job exits at once.
 */
export class ImportJvm {
  private output = '';
  private rest = '';
  private progress?: Progress;
  private onStage?: (stage: ImportStage) => void;
  private reached: ImportStage | undefined;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly exit: Promise<number | null>,
    private readonly scratch: string,
  ) {
    const onData = (chunk: Buffer) => this.read(chunk.toString());
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  }

  static async start(dataDir: string): Promise<ImportJvm> {
    const classpath = await ensureLocalNeo4jBuilt(() => undefined);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-import-jvm-'));
    const warmUpSchema = path.join(scratch, 'warm-up.cypher');
    writeSchemaFile(warmUpSchema, ['WARM_UP']);
    const home = path.join(dataDir, 'staging');
    const memory = neo4jMemory();
    // A batch job on few cores: the throughput collector, and C1 alone. Measured on 1M
    // relations: C2 made a cold importer's relationship stage twice as fast, but in the import
    // its warm-up took 9 CPU-seconds instead of 5.5, the job waited for it, and the importer
    // gained nothing (the import took 22.6-23.6 s against 21.7-22.4).
    const java = [
      `-Xmx${formatSize(memory.heap)}`,
      '-XX:+UseParallelGC',
      '-XX:TieredStopAtLevel=1',
      '-cp',
      classpath,
    ];
    const own = ['--home', path.resolve(dataDir), '--page-cache', formatSize(memory.pageCache)];
    const child = spawn(
      'java',
      [...java, 'tracegraph.StoreImport', ...own, '--warm-up-schema', warmUpSchema],
      {
        env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') },
        // Its standard input stays open while this process lives: the JVM stops when it ends.
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    yieldTo(child.pid);
    const exit = new Promise<number | null>((resolve, reject) => {
      child.once('error', (error) =>
        reject(new Error(`Cannot run java (is a JDK 17 installed?): ${error.message}`)),
      );
      child.once('close', resolve);
    });
    // Seen by run; a JVM stopped before its job is not an error.
    exit.catch(() => undefined);
    return new ImportJvm(child, exit, scratch);
  }

  /** Runs the importer with these arguments, then the switch and the index build. */
  async run(
    schemaFile: string,
    args: string[],
    progress: Progress,
    onStage: (stage: ImportStage) => void,
  ): Promise<void> {
    this.progress = progress;
    this.onStage = onStage;
    this.child.stdin.write(['--schema', schemaFile, '--', ...args].join('\0') + '\n');
    const code = await this.exit;
    if (code !== 0) {
      const reason =
        /^tracegraph-import: error: (.*)$/m.exec(this.output)?.[1] ??
        /(?:Error|Exception|error):? .*$/m.exec(this.output)?.[0] ??
        this.output.trim().split('\n').slice(-5).join('\n');
      throw new Error(
        this.reached === 'indexes'
          ? `The new graph is live, but building its indexes failed (the app builds them when it starts): ${reason}`
          : `Neo4j's importer refused the graph (exit code ${code}): ${reason}`,
      );
    }
  }

  /** Ends the JVM's input (it exits if it still waits for a job) and removes its files. */
  stop(): void {
    this.child.stdin.end();
    fs.rmSync(this.scratch, { recursive: true, force: true });
  }

  private read(text: string): void {
    this.output = (this.output + text).slice(-20_000);
    const lines = (this.rest + text).split('\n');
    this.rest = lines.pop()!;
    for (const line of lines) {
      const stage = /^\((\d)\/(\d)\) (.+?) \d{4}-\d\d-\d\d/.exec(line);
      if (stage)
        this.progress?.start(`Building the store (${stage[1]}/${stage[2]} ${stage[3]})`, 100, true);
      const percent = /\s(\d{1,3})% ∆/.exec(line);
      if (percent) this.progress?.update(Number(percent[1]));
      // With TRACEGRAPH_IMPORT_TIMING set, the JVM reports the time of each of its steps, and
      // the importer's own summary lines (the time of each of its stages, its peak memory).
      if (process.env.TRACEGRAPH_IMPORT_TIMING && IMPORTER_TIMING.test(line)) console.error(line);
      const own = /^tracegraph-import: (indexes|switched|staged)$/.exec(line);
      if (own) {
        this.reached = own[1] as ImportStage;
        this.onStage?.(this.reached);
      }
    }
  }
}

/** The import JVM's niceness: below the Node.js check and any Neo4j serving the live store. */
const IMPORT_NICENESS = 10;

/**
 * Lowers the import JVM's priority (its threads, all started after this, inherit it). While
 * Node.js checks the file (one thread, the import's critical path), the JVM's warm-up ran
 * several threads beside it and took CPU from it: on 1M relations the check took 6.6-6.9 s
 * instead of 7.3-8.0, the import 21.7-22.4 s instead of 22.6-25.0. Afterwards Node.js waits,
 * and the importer has the cores to itself unless something else needs them, such as the
 * app's Neo4j still serving the live graph, which should come first. Where the system
 * refuses, the import only runs as before.
 */
function yieldTo(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    os.setPriority(pid, IMPORT_NICENESS);
  } catch {
    // Not lowered: the same speed as before.
  }
}

/**
 * The statements that create the indexes of a new store, separated by NUL for the import JVM:
 * the schema, the id index of each relationship type, and last the wait until all are online.
 */
function writeSchemaFile(file: string, relationTypes: string[]): void {
  const statements = [...schemaStatements(relationTypes), cypher('await-indexes')];
  fs.writeFileSync(file, statements.join('\0'));
}

export interface StoreImportResult {
  documents: number;
  entities: number;
  relations: number;
  /** True when the live store already holds this exact file: nothing was built. */
  unchanged: boolean;
  /**
   * True when the new store is live and indexed; false when a Neo4j was using the store: the
   * new one waits in `staging` and goes live when that Neo4j next starts.
   */
  switched: boolean;
  staging?: string;
  /** performance.now() when the importer finished and the switch and indexes began. */
  indexesFrom?: number;
}

/**
 * Builds a new store for the local Neo4j in `<dataDir>/staging/` from a checked graph (see
 * checkGraph with csvSinks), then switches to it and builds its indexes unless a Neo4j is
 * using the live store (then it goes live when that Neo4j next starts). Until the switch the
 * live store is not touched.
 */
export async function buildStore(
  dataDir: string,
  graph: CsvGraph,
  options: {
    log?: (line: string) => void;
    progress?: Progress;
    force?: boolean;
    /** The import JVM, started (ImportJvm.start) before the file was checked; else started here. */
    jvm?: ImportJvm;
  } = {},
): Promise<StoreImportResult> {
  const log = options.log ?? (() => undefined);
  const progress = options.progress ?? new Progress(log, false);
  const meta = graph.derived.finish();
  const counts = { documents: meta.documents, entities: meta.entities, relations: meta.relations };
  if (!options.force && loadedFileHash(dataDir) === meta.fileHash) {
    return { ...counts, unchanged: true, switched: false };
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const release = takeLock(path.join(dataDir, 'import.lock'));
  const staging = path.join(dataDir, 'staging');
  let switched = false;
  let indexesFrom: number | undefined;
  let owned: ImportJvm | undefined;
  try {
    // A half-built store of an interrupted import, or a built one never switched in: this
    // newer one replaces it.
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(path.join(staging, 'conf'), { recursive: true });
    fs.writeFileSync(path.join(staging, 'conf', 'neo4j.conf'), '');
    const record = { fileHash: meta.fileHash, ...counts, loadedAt: meta.loadedAt };
    // Switched in with the store (staging/READY, written by the import JVM, makes it count).
    fs.writeFileSync(path.join(staging, LOADED_GRAPH_FILE), JSON.stringify(record) + '\n');
    const nodes = writeNodeFiles(graph, meta);
    const { relations, dated } = graph.sinks.relations;
    const multiline = [nodes.entities, nodes.documents, relations, dated].some((f) => f.multiline);
    const schemaFile = path.join(graph.dir, 'schema.cypher');
    writeSchemaFile(schemaFile, graph.derived.relationTypes());
    owned = options.jvm ? undefined : await ImportJvm.start(dataDir);
    const jvm = options.jvm ?? owned!;
    await jvm.run(
      schemaFile,
      [
        'database',
        'import',
        'full',
        `--nodes=Entity=${nodes.entities.file}`,
        `--nodes=Document=${nodes.documents.file}`,
        `--nodes=DatedRelation=${dated.file}`,
        `--nodes=GraphMeta=${nodes.meta.file}`,
        `--relationships=${relations.file}`,
        `--array-delimiter=${ARRAY_DELIMITER}`,
        '--id-type=integer',
        `--multiline-fields=${multiline}`,
        '--overwrite-destination=true',
        `--report-file=${path.join(graph.dir, 'import.report')}`,
        'neo4j',
      ],
      progress,
      (stage) => {
        if (stage === 'indexes') {
          indexesFrom = performance.now();
          log('Switched to the new store; building its indexes …');
        }
        if (stage === 'switched') switched = true;
      },
    );
    return { ...counts, unchanged: false, switched, staging, indexesFrom };
  } catch (error) {
    // Before READY the staged store is incomplete; after the switch it is no longer there.
    if (!fs.existsSync(path.join(staging, 'READY')))
      fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    owned?.stop();
    release();
  }
}
