import { loadConfig } from '../server/config';
import { ensureLocalNeo4jBuilt, startLocalNeo4j } from '../server/db/local-neo4j';

/** `npm run neo4j`: the local Neo4j alone, until Ctrl-C. `--build-only` just builds it. */
async function main() {
  if (process.argv.includes('--build-only')) {
    ensureLocalNeo4jBuilt();
    return;
  }
  const config = loadConfig();
  const neo4j = await startLocalNeo4j({ dataDir: config.dataDir, log: console.log });
  console.log(`Neo4j is running at ${neo4j.uri} (store: ${config.dataDir}). Ctrl-C stops it.`);
  const stop = async () => {
    await neo4j.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
