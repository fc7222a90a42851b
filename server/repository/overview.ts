import type { Database } from '../db/database';
import { graphMeta } from './meta';
import type { SubgraphIds } from './neighborhood';
import { type RelationModel, toRelation } from './records';

/**
 * The best-connected entities (by the degree the loader stored, read from its index in
 * order) and the relations among them, at most `relationsPerEntity` per entity.
 */
export async function topSubgraph(
  db: Database,
  limit: number,
  relationsPerEntity: number,
): Promise<SubgraphIds> {
  // One more than asked tells whether anything was left out.
  const rows = await db.read<{ id: string }>('top-entities', { limit: limit + 1 });
  const entityIds = rows.slice(0, limit).map((r) => r.id);
  const relations = await relationsAmong(db, entityIds, entityIds.length * relationsPerEntity);
  return { entityIds, relations, truncated: rows.length > limit };
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
  limit: number,
  relationsPerEntity: number,
): Promise<OverviewIds> {
  const [meta, core] = await Promise.all([
    graphMeta(db),
    topSubgraph(db, limit, relationsPerEntity),
  ]);
  return { ...core, totalEntities: meta.entities, totalRelations: meta.relations };
}
