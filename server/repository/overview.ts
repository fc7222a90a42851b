import type { Database } from '../db/database';
import { type GraphMeta, graphMeta } from './meta';
import { relationsAmong, type SubgraphIds } from './neighborhood';
import { toEntity, toRelation } from './records';

/**
 * The best-connected entities (by the degree the loader stored, read from its index in
 * order), one more than asked to tell whether any were left out.
 */
async function topEntities(db: Database, limit: number) {
  const rows = await db.read<{ entity: Record<string, unknown> }>('top-entities', {
    limit: limit + 1,
  });
  const known = rows.slice(0, limit).map((r) => toEntity(r.entity));
  return { known, entityIds: known.map((e) => e.id), truncated: rows.length > limit };
}

/** The best-connected entities and the relations among them, up to `limit` relations. */
export async function topSubgraph(
  db: Database,
  limit: number,
  relationsPerEntity: number,
  maxRelations = Number.POSITIVE_INFINITY,
): Promise<SubgraphIds> {
  const top = await topEntities(db, limit);
  const budget = Math.min(top.entityIds.length * relationsPerEntity, maxRelations);
  return { ...top, relations: await allAmong(db, top.entityIds, budget) };
}

/** Every relation among them, up to `limit`, with its details (no filter applies here). */
const allAmong = (db: Database, ids: string[], limit: number) =>
  relationsAmong(db, { ids, types: null, asOfMin: null, asOfMax: null, limit, detail: true });

export interface OverviewIds extends SubgraphIds {
  totalEntities: number;
  totalRelations: number;
}

/**
 * The overviews of the loaded graph, per database (its driver: every request has its own
 * handle on it, db.forRequest): every user's first screen asks for one, and a graph changes
 * only by a load, which writes a new `loadedAt` in the transaction that switches the graph
 * (cypher/switch-generation.cypher).
 */
const kept = new WeakMap<Database['driver'], Map<string, OverviewIds>>();
/** Overviews kept per database: the explorer asks for one size; other sizes are read again. */
const KEPT = 4;

/**
 * The first screen at any graph size: a legible slice of the graph's core plus the totals,
 * so the explorer can say how much it does not show. The relations are at most
 * `relationsPerEntity` starting at each entity, found without reading all of a hub's. Read
 * once per loaded graph: kept when the graph's `loadedAt` is the same before and after the
 * reads (a load in between would have made them another graph's).
 */
export async function overview(
  db: Database,
  meta: () => Promise<GraphMeta>,
  limit: number,
  relationsPerEntity: number,
): Promise<OverviewIds> {
  const { loadedAt } = await meta();
  const key = `${loadedAt}|${limit}|${relationsPerEntity}`;
  let graphs = kept.get(db.driver);
  const known = loadedAt === null ? undefined : graphs?.get(key);
  if (known) return known;
  const read = await readOverview(db, meta, limit, relationsPerEntity);
  if (loadedAt !== null && (await graphMeta(db)).loadedAt === loadedAt) {
    if (!graphs) kept.set(db.driver, (graphs = new Map()));
    // An earlier graph's overviews are never asked for again.
    for (const old of graphs.keys()) if (!old.startsWith(`${loadedAt}|`)) graphs.delete(old);
    graphs.set(key, read);
    if (graphs.size > KEPT) graphs.delete(graphs.keys().next().value!);
  }
  return read;
}

async function readOverview(
  db: Database,
  meta: () => Promise<GraphMeta>,
  limit: number,
  relationsPerEntity: number,
): Promise<OverviewIds> {
  const [{ entities, relations }, top] = await Promise.all([meta(), topEntities(db, limit)]);
  const base = { ...top, totalEntities: entities, totalRelations: relations };
  if (!top.truncated) {
    // A graph this small is shown whole when its relations fit the same budget.
    const budget = top.entityIds.length * relationsPerEntity;
    return { ...base, relations: await allAmong(db, top.entityIds, budget) };
  }
  const rows = await db.read<{ relation: Record<string, unknown> }>('overview-relations', {
    ids: top.entityIds,
    perEntity: relationsPerEntity,
  });
  return { ...base, relations: rows.map((r) => toRelation(r.relation)) };
}
