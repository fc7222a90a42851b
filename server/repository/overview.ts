import type { Database } from '../db/database';
import type { GraphMeta } from './meta';
import { scanPerEntity, type SubgraphIds } from './neighborhood';
import { fromColumns, toEntity, toRelation } from './records';

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
  return { ...top, relations: await relationsAmong(db, top.entityIds, budget) };
}

async function relationsAmong(db: Database, ids: string[], limit: number) {
  if (ids.length === 0) return [];
  const rows = await db.read('relations-among', {
    ids,
    types: null,
    asOfMin: null,
    asOfMax: null,
    limit,
    scan: scanPerEntity(ids.length),
    detail: true,
  });
  return rows.map((row) => fromColumns(toRelation, row));
}

export interface OverviewIds extends SubgraphIds {
  totalEntities: number;
  totalRelations: number;
}

/**
 * The first screen at any graph size: a legible slice of the graph's core plus the totals,
 * so the explorer can say how much it does not show. The relations are at most
 * `relationsPerEntity` starting at each entity, found without reading all of a hub's.
 */
export async function overview(
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
    return { ...base, relations: await relationsAmong(db, top.entityIds, budget) };
  }
  const rows = await db.read<{ relation: Record<string, unknown> }>('overview-relations', {
    ids: top.entityIds,
    perEntity: relationsPerEntity,
  });
  return { ...base, relations: rows.map((r) => toRelation(r.relation)) };
}
