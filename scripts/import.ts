import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { csvSource } from '../seed/csv';
import { checkGraph, type GraphSource, jsonSource } from '../seed/load';
import { Progress } from '../seed/progress';
import { buildStore, type CsvGraph, csvSinks, ImportJvm } from '../seed/store-import';
import { loadSource } from './seed';

const USAGE =
  'Usage: npm run import -- FILE.json | nodes.csv relationships.csv … | DIR-of-CSVs [--force] [--online]';

const log = (line: string) => console.log(line);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/**
 * The local Neo4j's store is rebuilt offline (seed/store-import.ts): the file is checked and
 * written as CSVs in one pass, neo4j-admin's importer builds a new store beside the live one,
 * and one JVM switches to it and builds its indexes (or leaves it for the running app's next
 * start).
 */
async function importOffline(source: GraphSource, dataDir: string, force: boolean) {
  const started = performance.now();
  // Warms up while the file is checked (on the other core): the importer then starts hot.
  const jvm = await ImportJvm.start(dataDir);
  log(`Checking ${source.name} …`);
  const progress = new Progress(log);
  let graph: CsvGraph;
  try {
    graph = await checkGraph(source, progress, csvSinks);
  } catch (error) {
    jvm.stop();
    throw error;
  }
  const checked = performance.now();
  if (process.env.TRACEGRAPH_IMPORT_TIMING) {
    // Beside the import JVM's own lines: CPU time says more than wall time on a busy machine.
    const cpu = process.cpuUsage();
    console.error(
      `tracegraph-import: timing check ${Math.round(checked - started)} ms ` +
        `(node cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms)`,
    );
  }
  const name = path.relative(process.cwd(), source.name) || source.name;
  try {
    const built = await buildStore(dataDir, graph, { log, progress, force, jvm });
    const counts = `${built.documents} documents, ${built.entities} entities, ${built.relations} relations`;
    if (built.unchanged) {
      log(`${name} is already the loaded graph (same file hash): nothing written (${counts}).`);
      return;
    }
    if (!built.switched) {
      log(
        `The new graph (${counts}) is built in ${built.staging}. The app running on this store ` +
          'switches to it when it restarts (stop it and run npm start again); until then it serves the previous graph.',
      );
      return;
    }
    const stored = built.indexesFrom ?? performance.now();
    const total = performance.now() - started;
    log(
      `Loaded ${name}: ${counts} in ${seconds(total)} s (check and CSV ${seconds(checked - started)} s, ` +
        `store ${seconds(stored - checked)} s, switch and indexes ${seconds(performance.now() - stored)} s; ` +
        `${Math.round(built.relations / (total / 1000)).toLocaleString('en')} relations/s overall; ` +
        `Node peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB).`,
    );
  } finally {
    jvm.stop();
    graph.dispose();
  }
}

/** `npm run import`: a graph file, or neo4j-admin CSVs (files or a directory of them). */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const paths = args.filter((a) => !a.startsWith('--')).map((p) => path.resolve(p));
  if (paths.length === 0) throw Object.assign(new Error(USAGE), { exitCode: 2 });
  for (const p of paths) if (!fs.existsSync(p)) throw new Error(`${p} does not exist`);
  const isJson = paths.length === 1 && paths[0]!.toLowerCase().endsWith('.json');
  const source = isJson ? jsonSource(paths[0]!) : await csvSource(paths);
  const force = args.includes('--force');
  const config = loadConfig();
  // Another Neo4j (NEO4J_URI) is written through transactions: its store is not ours to rebuild.
  if (config.neo4j.uri !== undefined || args.includes('--online'))
    await loadSource(source, { force });
  else await importOffline(source, config.dataDir, force);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit((error as { exitCode?: number }).exitCode ?? 1);
});
