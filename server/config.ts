import path from 'node:path';

/** Where the project lives, so relative paths work from any working directory. */
export const PROJECT_ROOT = path.resolve(__dirname, '..');

export interface Neo4jSettings {
  /** Unset means "start the local Neo4j" (see server/db/local-neo4j.ts). */
  uri?: string;
  username: string;
  password?: string;
  database: string;
}

export interface Config {
  port: number;
  host: string;
  neo4j: Neo4jSettings;
  /** Store of the local Neo4j; ignored when `neo4j.uri` is set. */
  dataDir: string;
  /** Host names served besides loopback and HOST (TRACEGRAPH_ALLOWED_HOSTS, comma-separated). */
  allowedHosts: string[];
  /** Preferred Bolt port of the local Neo4j (a free one is used when it is taken). */
  localNeo4jPort: number;
}

/** Reads the environment documented in DESIGN.md; every variable is optional. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const boltPort = env.TRACEGRAPH_NEO4J_PORT ? Number(env.TRACEGRAPH_NEO4J_PORT) : 7687;
  if (!Number.isInteger(boltPort) || boltPort < 0 || boltPort > 65535) {
    throw new Error(
      `TRACEGRAPH_NEO4J_PORT must be an integer between 0 and 65535, got "${env.TRACEGRAPH_NEO4J_PORT}"`,
    );
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    neo4j: {
      uri: env.NEO4J_URI || undefined,
      username: env.NEO4J_USERNAME || 'neo4j',
      password: env.NEO4J_PASSWORD || undefined,
      database: env.NEO4J_DATABASE || 'neo4j',
    },
    dataDir: path.resolve(PROJECT_ROOT, env.TRACEGRAPH_DATA_DIR || '.data'),
    allowedHosts: (env.TRACEGRAPH_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    localNeo4jPort: boltPort,
  };
}
