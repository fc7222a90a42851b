import { type Config } from '../server/config';
import { Database, type DatabaseOptions } from '../server/db/database';
import { type LocalNeo4j, startLocalNeo4j } from '../server/db/local-neo4j';

export interface Connection {
  db: Database;
  /** How `db` was reached, for a second handle with other options (see server/warm-up.ts). */
  settings: DatabaseOptions;
  /** The local Neo4j this process started, if it started one. */
  local?: LocalNeo4j;
  close(): Promise<void>;
}

/** Waits for a Neo4j that may still be starting (docker compose, a remote cluster). */
async function waitForNeo4j(db: Database, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await db.ping();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/**
 * Reaches the configured Neo4j, or starts the local one when NEO4J_URI is unset (with the
 * password kept beside its store, unless NEO4J_PASSWORD is set). The local one is supervised:
 * when it dies the database handle is marked down at once (every query answers "unavailable"
 * instead of waiting), and it is restarted on the same port; the handle's probe notices when
 * it is back. Shared by `npm start`, `npm run seed` and `npm run import`.
 */
export async function connect(config: Config, log: (line: string) => void): Promise<Connection> {
  let local: LocalNeo4j | undefined;
  // Assigned once Neo4j is up; the supervisor's events before that have nothing to mark.
  const handle: { db?: Database } = {};
  if (config.neo4j.uri === undefined) {
    log(`Starting the local Neo4j (store: ${config.dataDir}) …`);
    local = await startLocalNeo4j({
      dataDir: config.dataDir,
      port: config.localNeo4jPort,
      password: config.neo4j.password,
      log,
      onEvent(event) {
        if (event.type === 'died')
          handle.db?.availability.markDown('the local Neo4j is restarting');
      },
    });
  }
  const uri = config.neo4j.uri ?? local!.uri;
  const credentials = local
    ? { username: local.username, password: local.password }
    : { username: config.neo4j.username, password: config.neo4j.password };
  log(`Neo4j: ${uri}`);
  const settings: DatabaseOptions = { ...config.neo4j, ...credentials, uri };
  const db = Database.connect({ ...settings, log });
  handle.db = db;
  try {
    await waitForNeo4j(db, 60_000);
  } catch (error) {
    await db.close();
    await local?.stop();
    throw error;
  }
  return {
    db,
    settings,
    local,
    async close() {
      await db.close();
      await local?.stop();
    },
  };
}
