import createDebug from 'debug';
import { type DatabaseOptions, Database } from './db/database';
import { createContext } from './graphql/context';
import { createApolloServer } from './graphql/server';
import { LIMITS } from '../shared/limits';

const log = createDebug('tracegraph:warm-up');

/**
 * How long a statement may take to be planned for the first time. Neo4j caches a plan only
 * when its first run completes, and planning the SHORTEST path statements took 5-18 s on a
 * busy 2-core machine: past the API's 5 s transaction timeout, so every request re-planned
 * and timed out. Warming runs them once with room to finish.
 */
const WARM_UP_TIMEOUT_MS = 180_000;

/** The operations whose statements are worth planning before the first user asks. */
const OPERATIONS = (a: string, b: string, name: string) => [
  // With its positions: the explorer's overview is laid out (once per loaded graph, kept in
  // server/repository/overview-layout.ts) before the first visitor asks.
  `{ overview { totalEntities entities { id } relations { id } positions { id } } relationTypes { type } stats { entities } }`,
  `{ graph(limit: 50) { entities { id } relations { id } } }`,
  `{ search(text: ${JSON.stringify(name)}) { score entity { id } } }`,
  `{ entity(id: "${a}") { relations { source { id } target { id } } } }`,
  `{ neighborhood(id: "${a}") { entities { id } relations { id } } }`,
  `{ neighborhood(id: "${a}", depth: 2) { entities { id } relations { id } } }`,
  `{ paths(from: "${a}", to: "${b}") { narrative hubs { id } } }`,
  `{ pathSearch(from: "${a}", to: "${b}", avoidHubs: true) { explanation paths { length } } }`,
  // As the explorer's first screen asks (client/src/views/timeline.ts), so that its answer
  // is kept (server/repository/kept.ts) before the first visitor comes.
  `{ timeline(first: ${LIMITS.timelineFirst}) { date title entity { id } relation { id } } }`,
  `{ timeline(entityId: "${a}") { date } }`,
];

/**
 * Plans the app's statements once, through the API itself (so each runs with the parameter
 * types real requests use), with a long transaction timeout. A failure is logged and
 * ignored: warming only saves time, the app answers without it.
 */
export async function warmUp(settings: DatabaseOptions): Promise<number> {
  const started = Date.now();
  const db = Database.connect({ ...settings, timeoutMs: WARM_UP_TIMEOUT_MS });
  const apollo = createApolloServer();
  await apollo.start();
  try {
    const run = async (query: string) => {
      const response = await apollo.executeOperation(
        { query },
        { contextValue: createContext(db) },
      );
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      if (result?.errors) log('%s: %o', query.slice(0, 60), result.errors);
      return result?.data as Record<string, unknown> | undefined;
    };
    const first = await run(`{ overview(limit: 2) { entities { id name } } }`);
    const top = ((first?.overview as { entities?: { id: string; name: string }[] } | undefined)
      ?.entities ?? []) as { id: string; name: string }[];
    if (top.length === 0) return Date.now() - started;
    const a = top[0]!;
    const b = top[1] ?? a;
    for (const query of OPERATIONS(a.id, b.id, a.name)) await run(query);
  } catch (error) {
    log('warm-up stopped: %O', error);
  } finally {
    await apollo.stop();
    await db.close();
  }
  return Date.now() - started;
}
