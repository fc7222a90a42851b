import type { Database } from '../db/database';
import type { GraphMeta } from './meta';

/**
 * Answers that depend on nothing but the loaded graph (the first screen's overview and
 * timeline, which every user's first screen asks for), kept per database (`db.place`, the
 * same for every connection to it: the warm-up's own driver fills what the server's then
 * answers from) and per graph: a graph changes only by a load, which writes a new `loadedAt`
 * in the transaction that switches the graph (cypher/switch-generation.cypher). The `size`
 * latest keys of the current graph are kept.
 */
export function keptPerGraph<T>(size: number) {
  const kept = new Map<string, Map<string, T>>();
  return async function keep(
    db: Database,
    meta: () => Promise<GraphMeta>,
    key: string,
    read: () => Promise<T>,
  ): Promise<T> {
    const { loadedAt } = await meta();
    if (loadedAt === null) return read();
    const graphKey = `${loadedAt}|${key}`;
    let graphs = kept.get(db.place);
    const known = graphs?.get(graphKey);
    if (known) return known;
    const value = await read();
    // Should a load switch the graph while this is read, it is kept under the key of the graph
    // before: only requests that began before the switch ask for that key.
    if (!graphs) kept.set(db.place, (graphs = new Map()));
    // An earlier graph's answers are never asked for again.
    for (const old of graphs.keys()) if (!old.startsWith(`${loadedAt}|`)) graphs.delete(old);
    graphs.set(graphKey, value);
    if (graphs.size > size) graphs.delete(graphs.keys().next().value!);
    return value;
  };
}
