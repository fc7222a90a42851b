import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalNeo4j } from '../../server/db/local-neo4j';
import { prepareTestDatabase } from './prepare-database';

/**
 * Starts a real Neo4j for the whole run: any free port (never a developer's 7687), a
 * throw-away store, the schema and the default graph loaded. Workers read its URI from the
 * environment; global-teardown.ts stops it and removes the store.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-test-neo4j-'));
  const neo4j = await startLocalNeo4j({ dataDir, port: 0, log: () => undefined });
  (globalThis as Record<string, unknown>).__tracegraphNeo4j = { neo4j, dataDir };
  process.env.TRACEGRAPH_TEST_NEO4J_URI = neo4j.uri;
  process.env.NEO4J_URI = neo4j.uri;
  await prepareTestDatabase(neo4j.uri);
}
