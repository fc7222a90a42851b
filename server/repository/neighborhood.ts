import type { Database } from '../db/database';
import type { PartialDate } from '../domain/dates';
import { type EntityModel, type RelationModel, toEntity, toRelation } from './records';

export interface NeighborhoodQuery {
  id: string;
  depth: number;
  limit: number;
  types: string[] | null;
  asOf: PartialDate | null;
}

export interface SubgraphIds {
  entityIds: string[];
  /** The records of those entities that the statements returned on the way. */
  known: EntityModel[];
  relations: RelationModel[];
  truncated: boolean;
}

/** Relations among a set of entities can be many; this many per entity is plenty to draw. */
export const RELATIONS_PER_ENTITY = 10;

/**
 * Breadth-first, one statement per level: nearer entities come before farther ones and,
 * within a level, better-connected before less. The walk stops at `limit` entities.
 */
export async function neighborhood(db: Database, q: NeighborhoodQuery): Promise<SubgraphIds> {
  const dates = { asOfMin: q.asOf?.min ?? null, asOfMax: q.asOf?.max ?? null };
  const seen = [q.id];
  const known: EntityModel[] = [];
  let frontier = [q.id];
  let truncated = false;
  for (let level = 0; level < q.depth && frontier.length > 0 && !truncated; level++) {
    const room = q.limit - seen.length;
    // One more than there is room for tells whether the cap cut anything.
    const rows = await db.read<{ entity: Record<string, unknown> }>('neighbors', {
      frontier,
      seen,
      types: q.types,
      ...dates,
      limit: room + 1,
    });
    truncated = rows.length > room;
    const found = rows.slice(0, room).map((row) => toEntity(row.entity));
    known.push(...found);
    frontier = found.map((e) => e.id);
    seen.push(...frontier);
  }
  const rows = await db.read<{ relation: Record<string, unknown> }>('relations-among', {
    ids: seen,
    types: q.types,
    ...dates,
    limit: seen.length * RELATIONS_PER_ENTITY,
  });
  return {
    entityIds: seen,
    known,
    relations: rows.map((r) => toRelation(r.relation)),
    truncated,
  };
}
