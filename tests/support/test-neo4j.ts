import fs from 'node:fs';
import { LOCAL_USERNAME, passwordFile } from '../../server/db/local-password';

/** What jest's global setup publishes to the workers (never the password itself). */
export const TEST_NEO4J_URI = 'TRACEGRAPH_TEST_NEO4J_URI';
export const TEST_NEO4J_DATA_DIR = 'TRACEGRAPH_TEST_NEO4J_DATA_DIR';

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
}

/**
 * Where the suite's Neo4j listens and its credentials, read from the password file beside
 * its store (mode 0600), as the app reads its own.
 */
export function testNeo4j(): TestNeo4j {
  const uri = process.env[TEST_NEO4J_URI];
  const dataDir = process.env[TEST_NEO4J_DATA_DIR];
  if (!uri || !dataDir) {
    throw new Error(
      `${TEST_NEO4J_URI} is not set: run the suite with \`npm test\` (jest global setup starts Neo4j)`,
    );
  }
  const password = fs.readFileSync(passwordFile(dataDir), 'utf8').trim();
  return { uri, username: LOCAL_USERNAME, password };
}

/**
 * The environment a child process (npm start, npm run import …) needs to use the suite's
 * Neo4j, as an operator would configure a Neo4j of their own.
 */
export function testNeo4jEnv(): Record<string, string> {
  const { uri, username, password } = testNeo4j();
  return { NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password };
}
