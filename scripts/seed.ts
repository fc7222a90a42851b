import path from 'node:path';
import { loadConfig } from '../server/config';
import {
  applySchema,
  checkGraph,
  DEFAULT_GRAPH_FILE,
  type GraphSource,
  jsonSource,
  writeGraph,
} from '../seed/load';
import { Progress } from '../seed/progress';
import { recordLoadedGraph } from '../seed/store-import';
import { connect } from './connect';

/**
 * `npm run seed` loads the default graph; `npm run import -- FILE` loads another one the
 * same way (scripts/import.ts). The whole source is checked before Neo4j is even started;
 * then it is written as a new generation and switched live in one transaction.
 */
export async function loadSource(source: GraphSource, options: { force?: boolean } = {}) {
  const log = (line: string) => console.log(line);
  const started = performance.now();
  log(`Checking ${source.name} …`);
  const graph = await checkGraph(source, new Progress(log));
  const checked = performance.now();
  const { derived } = graph;
  const config = loadConfig();
  const connection = await connect(config, log);
  try {
    await applySchema(connection.db);
    const written = performance.now();
    const result = await writeGraph(connection.db, graph, {
      log,
      progress: new Progress(log),
      force: options.force,
    });
    // The offline import compares this record with the file it is given.
    if (connection.local) recordLoadedGraph(config.dataDir, derived.finish());
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    const name = path.relative(process.cwd(), source.name) || source.name;
    const counts = `${result.documents} documents, ${result.entities} entities, ${result.relations} relations`;
    if (result.unchanged) {
      log(`${name} is already the loaded graph (same file hash): nothing written (${counts}).`);
      return result;
    }
    const writing = performance.now() - written;
    log(
      `Loaded ${name}: ${counts} in ${seconds(performance.now() - started)} s ` +
        `(check ${seconds(checked - started)} s, write ${seconds(writing)} s, ` +
        `${Math.round(result.relations / (writing / 1000)).toLocaleString('en')} relations/s written; ` +
        `${derived.relationTypes().length} relation types).`,
    );
    return result;
  } finally {
    graph.dispose();
    await connection.close();
  }
}

if (require.main === module) {
  loadSource(jsonSource(DEFAULT_GRAPH_FILE)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
