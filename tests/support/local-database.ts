import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../server/db/database';
import { type LocalNeo4j, startLocalNeo4j } from '../../server/db/local-neo4j';

/**
 * A second, private local Neo4j for a suite that must replace the whole graph (imports): the
 * suite's shared database keeps the seed graph for everyone else. stop() removes its store.
 */
export interface PrivateNeo4j {
  neo4j: LocalNeo4j;
  db: Database;
  /** Environment for a child process (npm run import …) that should use this database. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export async function startPrivateNeo4j(): Promise<PrivateNeo4j> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-private-neo4j-'));
  const neo4j = await startLocalNeo4j({ dataDir, port: 0, log: () => undefined });
  const db = Database.connect({
    uri: neo4j.uri,
    username: 'neo4j',
    database: 'neo4j',
    timeoutMs: 120_000,
  });
  return {
    neo4j,
    db,
    env: { ...process.env, NEO4J_URI: neo4j.uri },
    async stop() {
      await db.close();
      await neo4j.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
