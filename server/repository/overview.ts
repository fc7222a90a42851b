import type { Database } from '../db/database';
import type { GraphMeta } from './meta';
import type { SubgraphIds } from './neighborhood';
import { type RelationModel, toEntity, toRelation } from './records';

/**
 * The best-connected entities (by the degree the loader stored, read from its index in
 * order) and the relations among them, at most `relationsPerEntity` per entity.
 */
export async function topSubgraph(
  db: Database,
  limit: number,
  relationsPerEntity: number,
  maxRelations = Number.POSITIVE_INFINITY,
): Promise<SubgraphIds> {
  // One more than asked tells whether anything was left out.
  const rows = await db.read<{ entity: Record<string, unknown> }>('top-entities', {
    limit: limit + 1,
  });
  const known = rows.slice(0, limit).map((r) => toEntity(r.entity));
  const entityIds = known.map((e) => e.id);
  const relations = await relationsAmong(
    db,
    entityIds,
    Math.min(entityIds.length * relationsPerEntity, maxRelations),
  );
  return { entityIds, known, relations, truncated: rows.length > limit };
}

async function relationsAmong(
  db: Database,
  ids: string[],
  limit: number,
): Promise<RelationModel[]> {
  if (ids.length === 0) return [];
  const rows = await db.read<{ relation: Record<string, unknown> }>('relations-among', {
    ids,
    types: null,
    asOfMin: null,
    asOfMax: null,
    limit,
  });
  return rows.map((r) => toRelation(r.relation));
}

export interface OverviewIds extends SubgraphIds {
  totalEntities: number;
  totalRelations: number;
}

/**
 * The first screen at any graph size: a legible slice of the graph's core plus the totals,
 * so the explorer can say how much it does not show. Two index-backed statements and one
 * node read; nothing here grows with the graph.
 */
export async function overview(
  db: Database,
  meta: () => Promise<GraphMeta>,
  limit: number,
  relationsPerEntity: number,
): Promise<OverviewIds> {
  const [{ entities, relations }, core] = await Promise.all([
    meta(),
    topSubgraph(db, limit, relationsPerEntity),
  ]);
  return { ...core, totalEntities: entities, totalRelations: relations };
}
