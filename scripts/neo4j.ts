import { loadConfig } from '../server/config';
import { Database } from '../server/db/database';
import { ensureLocalNeo4jBuilt, startLocalNeo4j } from '../server/db/local-neo4j';
import { applySchema } from '../seed/load';

/**
 * `npm run neo4j`: the local Neo4j alone, with its store in TRACEGRAPH_DATA_DIR, until Ctrl-C;
 * restarted when it dies. `-- --port N` prefers another port (0 = any free one);
 * `-- --build-only` just builds it. Connect as user neo4j with the password kept in the
 * file it names (mode 0600). The schema is applied before it says so, as `npm start` does: a
 * store that an offline import staged while it was in use is switched to at this start, and
 * comes without its indexes.
 */
async function main() {
  if (process.argv.includes('--build-only')) {
    await ensureLocalNeo4jBuilt();
    return;
  }
  const portFlag = process.argv.indexOf('--port');
  const config = loadConfig();
  const port = portFlag === -1 ? config.localNeo4jPort : Number(process.argv[portFlag + 1]);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new Error(
      `--port wants a number between 0 and 65535, got "${process.argv[portFlag + 1]}"`,
    );
  }
  const neo4j = await startLocalNeo4j({
    dataDir: config.dataDir,
    port,
    password: config.neo4j.password,
    log: console.log,
  });
  const db = Database.connect({
    ...config.neo4j,
    uri: neo4j.uri,
    username: neo4j.username,
    password: neo4j.password,
    log: () => undefined,
  });
  try {
    await applySchema(db);
  } finally {
    await db.close();
  }
  console.log(
    `Neo4j is running at ${neo4j.uri} (store: ${config.dataDir}); user ${neo4j.username}, ` +
      `password in ${neo4j.passwordFile}. Ctrl-C stops it.`,
  );
  const stop = async () => {
    console.log('Stopping Neo4j …');
    await neo4j.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
