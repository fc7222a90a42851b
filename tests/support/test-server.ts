import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { Database } from '../../server/db/database';
import { testNeo4j } from './test-neo4j';

export { testNeo4j, testNeo4jEnv } from './test-neo4j';

/** The Neo4j that jest's global setup started (with the schema and the seed graph loaded). */
export function testDatabase(options: { timeoutMs?: number } = {}): Database {
  return Database.connect({ ...testNeo4j(), database: 'neo4j', ...options });
}

export interface TestServer {
  url: string;
  db: Database;
  /** POSTs a GraphQL operation and returns the status and parsed body. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: { data?: T; errors?: GraphQLErrorBody[] } }>;
  stop(): Promise<void>;
}

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/** A GraphQL client for the app served at `url`. */
export function graphqlAt(url: string): TestServer['graphql'] {
  return async (query, variables) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: (await response.json()) as any };
  };
}

/**
 * The real app for `db` on an ephemeral port. stop() closes the server, the app and `db`,
 * then runs `afterStop` (a suite's own Neo4j); it is idempotent.
 */
export async function serveApp(
  db: Database,
  afterStop: () => Promise<void> = async () => undefined,
): Promise<TestServer> {
  const app = await createApp(db);
  const server = app.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    db,
    graphql: graphqlAt(url),
    stop() {
      stopped ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await app.stop();
        await db.close();
        await afterStop();
      })();
      return stopped;
    },
  };
}

/** The real app on an ephemeral port against the suite's real Neo4j. stop() is idempotent. */
export function startTestServer(options: { timeoutMs?: number } = {}): Promise<TestServer> {
  return serveApp(testDatabase(options));
}
