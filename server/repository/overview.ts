import type { Database } from '../db/database';
import { documentsById } from './documents';
import { keptPerGraph } from './kept';
import type { GraphMeta } from './meta';
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
  /** The documents its entities and relations cite, kept with it (DocumentSink.remember). */
  documents: Record<string, unknown>[];
}

/** Overviews kept per loaded graph: the explorer asks for one size; other sizes are read again. */
const keep = keptPerGraph<OverviewIds>(4);

/**
 * The first screen at any graph size: a legible slice of the graph's core plus the totals,
 * so the explorer can say how much it does not show. The relations are at most
 * `relationsPerEntity` starting at each entity, found without reading all of a hub's. Read
 * once per loaded graph (kept.ts).
 */
export async function overview(
  db: Database,
  meta: () => Promise<GraphMeta>,
  limit: number,
  relationsPerEntity: number,
): Promise<OverviewIds> {
  return keep(db, meta, `${limit}|${relationsPerEntity}`, async () => {
    const read = await readOverview(db, meta, limit, relationsPerEntity);
    const cited = new Set(
      [...read.known, ...read.relations].flatMap((x) => x.sources.map((s) => s.document)),
    );
    return { ...read, documents: await documentsById(db, [...cited]) };
  });
}

async function readOverview(
  db: Database,
  meta: () => Promise<GraphMeta>,
  limit: number,
  relationsPerEntity: number,
): Promise<Omit<OverviewIds, 'documents'>> {
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
