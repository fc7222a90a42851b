import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../server/db/database';
import { startLocalNeo4j } from '../../server/db/local-neo4j';
import { applySchema, loadGraphFile } from '../../seed/load';
import { serveApp, type TestServer } from './test-server';

export interface OwnGraph extends TestServer {
  /** Environment for a child process (npm run attach/report) that reaches this Neo4j. */
  childEnv(): NodeJS.ProcessEnv;
}

/**
 * A suite's own Neo4j holding a small graph file, for answers known in advance (the suite's
 * shared database holds the default graph, which other suites rely on). Started on any free
 * port with a throw-away store; stop() stops it, removes the store and is safe to call twice.
 */
export async function startOwnGraph(file: string): Promise<OwnGraph> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-own-neo4j-'));
  const neo4j = await startLocalNeo4j({ dataDir, port: 0, log: () => undefined });
  // A fresh Neo4j plans every statement for the first time: on a busy 2-core machine that took
  // 5-6 s for the path statements (measured), beyond the app's 5 s default.
  const db = Database.connect({
    uri: neo4j.uri,
    username: 'neo4j',
    password: neo4j.password,
    database: 'neo4j',
    timeoutMs: 30_000,
  });
  await applySchema(db);
  await loadGraphFile(db, file);
  const served = await serveApp(db, async () => {
    await neo4j.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    ...served,
    childEnv: () => ({
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_PASSWORD: neo4j.password,
      DEBUG: '',
    }),
  };
}
