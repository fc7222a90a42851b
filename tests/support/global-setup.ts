import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalNeo4j } from '../../server/db/local-neo4j';
import { prepareTestDatabase } from './prepare-database';
import { TEST_NEO4J_DATA_DIR, TEST_NEO4J_URI } from './test-neo4j';

const MIB = 1024 * 1024;

/**
 * Starts a real Neo4j for the whole run: any free port (never a developer's 7687), a
 * throw-away store with its own generated password, a small heap (several suites share the
 * machine), the schema and the default graph loaded. Workers find it through the environment
 * and read the password from its file; global-teardown.ts stops it and removes the store.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-test-neo4j-'));
  const neo4j = await startLocalNeo4j({
    dataDir,
    port: 0,
    memory: { heap: 768 * MIB, pageCache: 128 * MIB },
    log: () => undefined,
  });
  (globalThis as Record<string, unknown>).__tracegraphNeo4j = { neo4j, dataDir };
  process.env[TEST_NEO4J_URI] = neo4j.uri;
  process.env[TEST_NEO4J_DATA_DIR] = dataDir;
  process.env.NEO4J_URI = neo4j.uri;
  await prepareTestDatabase();
}
