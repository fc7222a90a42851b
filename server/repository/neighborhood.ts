import type { Database } from '../db/database';
import type { PartialDate } from '../domain/dates';
import {
  columnRows,
  type EntityModel,
  fromColumns,
  type RelationModel,
  toEntity,
  toRelation,
} from './records';

export interface NeighborhoodQuery {
  id: string;
  depth: number;
  limit: number;
  types: string[] | null;
  asOf: PartialDate | null;
  /** False when nobody asked for the relations: the walk's own are returned, no more. */
  relations?: boolean;
  /**
   * False when only the fields that draw a node (BRIEF_ENTITY_FIELDS) or an edge
   * (BRIEF_RELATION_FIELDS) are asked for: text, dates and sources then stay in Neo4j.
   */
  entityDetail?: boolean;
  relationDetail?: boolean;
}

/**
 * What every statement returns of an entity or a relation without its details (a timeline's
 * brief relation also has its labels, for its title; a neighbourhood's does not).
 */
export const BRIEF_ENTITY_FIELDS = ['id', 'name', 'kind', 'degree'];
export const BRIEF_RELATION_FIELDS = ['id', 'type', 'source', 'target'];

export interface SubgraphIds {
  entityIds: string[];
  /** The records of those entities that the statements returned on the way. */
  known: EntityModel[];
  /** Records with only BRIEF_ENTITY_FIELDS filled: for this answer, never for a cache. */
  brief?: EntityModel[];
  relations: RelationModel[];
  truncated: boolean;
}

/** Relations among a set of entities can be many; this many per entity is plenty to draw. */
export const RELATIONS_PER_ENTITY = 10;
/**
 * One entity's share of a budget spread over `count` entities: at least `least`, at most
 * `most`. Bounds a statement's work on hubs whatever the size of the set it starts from.
 */
const share = (budget: number, least: number, most: number) => (count: number) =>
  Math.min(most, Math.max(least, Math.floor(budget / Math.max(1, count))));

/**
 * Relations each entity walks to find those among a set (relations-among.cypher): a share
 * of 6,000, at least 12.
 */
export const scanPerEntity = share(6_000, 12, Number.POSITIVE_INFINITY);

/**
 * Neighbours each frontier entity offers to one step of the walk (neighbors.cypher): 1,000
 * for a single entity, a share of 5,000 (at least 20) for a wide frontier, so a second level
 * costs a few thousand candidates however many hubs it passes.
 */
export const offerPerEntity = share(5_000, 20, 1_000);

/**
 * Breadth-first, one statement per level: nearer entities come before farther ones and,
 * within a level, better-connected before less. The walk stops at `limit` entities. The first
 * level (neighborhood-1.cypher) also reads the entity itself, and, for a depth-1
 * neighbourhood that fills its limit (a hub's), the relations among it; any other is
 * followed by relations-among. Null when there is no entity with this id.
 */
export async function neighborhood(
  db: Database,
  q: NeighborhoodQuery,
): Promise<SubgraphIds | null> {
  const dates = { asOfMin: q.asOf?.min ?? null, asOfMax: q.asOf?.max ?? null };
  const entityDetail = q.entityDetail ?? true;
  const relationDetail = q.relationDetail ?? true;
  const seen = [q.id];
  const known: EntityModel[] = [];
  const via = new Map<string, RelationModel>();
  let frontier = [q.id];
  let truncated = false;
  // A step's rows: the entities found, each with the relation it was reached by.
  const takeStep = (lists: Record<string, unknown> | undefined, room: number) => {
    const rows = columnRows(lists);
    truncated = rows.length > room;
    const found = rows.slice(0, room).map((row) => {
      const { viaId, viaType, viaSource, viaTarget, viaDetails, ...entity } = row;
      const relation = fromColumns(toRelation, {
        id: viaId,
        type: viaType,
        source: viaSource,
        target: viaTarget,
        details: viaDetails,
      });
      via.set(relation.id, relation);
      return fromColumns(toEntity, entity);
    });
    known.push(...found);
    frontier = found.map((e) => e.id);
    seen.push(...frontier);
  };
  // The first level: the entity, its step and, when it fills the room of a depth-1
  // neighbourhood, the relations among it.
  const withAmong = q.depth === 1 && q.relations !== false;
  const room = q.limit - seen.length;
  const [row] = await db.read('neighborhood-1', {
    id: q.id,
    seen,
    types: q.types,
    ...dates,
    room,
    offer: offerPerEntity(1),
    among: withAmong,
    scan: scanPerEntity(q.limit),
    relationLimit: q.limit * RELATIONS_PER_ENTITY,
    entityDetail,
    relationDetail,
  });
  if (!row) return null;
  const {
    centreId,
    centreName,
    centreKind,
    centreDegree,
    centreDetails,
    full,
    amongId,
    amongType,
    amongSource,
    amongTarget,
    amongDetails,
    ...step
  } = row;
  known.push(
    fromColumns(toEntity, {
      id: centreId,
      name: centreName,
      kind: centreKind,
      degree: centreDegree,
      details: centreDetails,
    }),
  );
  takeStep(step, room);
  /** The relations among a full depth-1 neighbourhood, read with its step. */
  const amongFull =
    withAmong && full === true
      ? columnRows({
          id: amongId,
          type: amongType,
          source: amongSource,
          target: amongTarget,
          details: amongDetails,
        }).map((r) => fromColumns(toRelation, r))
      : null;
  for (let level = 1; level < q.depth && frontier.length > 0 && !truncated; level++) {
    const levelRoom = q.limit - seen.length;
    // One more than there is room for tells whether the cap cut anything.
    const [lists] = await db.read('neighbors', {
      frontier,
      seen,
      types: q.types,
      ...dates,
      limit: levelRoom + 1,
      offer: offerPerEntity(frontier.length),
      entityDetail,
      relationDetail,
    });
    takeStep(lists, levelRoom);
  }
  const records = entityDetail ? { known } : { known: [], brief: known };
  if (q.relations === false) {
    return { entityIds: seen, ...records, relations: [...via.values()], truncated };
  }
  const limit = seen.length * RELATIONS_PER_ENTITY;
  const among =
    amongFull ??
    (await relationsAmong(db, {
      ids: seen,
      types: q.types,
      ...dates,
      limit,
      detail: relationDetail,
    }));
  // The walk's own relations first (they connect every entity shown), then the others.
  const relations = new Map(via);
  for (const relation of among) {
    if (relations.size >= Math.max(limit, via.size)) break;
    if (!relations.has(relation.id)) relations.set(relation.id, relation);
  }
  return { entityIds: seen, ...records, relations: [...relations.values()], truncated };
}

export interface RelationsAmongQuery {
  ids: string[];
  types: string[] | null;
  asOfMin: string | null;
  asOfMax: string | null;
  limit: number;
  /** Their other properties too (summary, dates, sources), not only BRIEF_RELATION_FIELDS. */
  detail: boolean;
}

/**
 * From this many entities on, the relations among them are read by SPLIT_AMONG statements at
 * once, each walking from its part of the set: Neo4j runs a statement on one thread, so a
 * hub's neighbourhood (200 entities, 6,000 relationships walked) takes the time of half of
 * them on a machine with cores to spare, for the same work in all.
 */
const SPLIT_AMONG_FROM = 64;
const SPLIT_AMONG = 2;

/** The relations among a set of entities, in id order (relations-among.cypher). */
export async function relationsAmong(
  db: Database,
  q: RelationsAmongQuery,
): Promise<RelationModel[]> {
  if (q.ids.length === 0) return [];
  const scan = scanPerEntity(q.ids.length);
  const parts = q.ids.length < SPLIT_AMONG_FROM ? 1 : SPLIT_AMONG;
  const size = Math.ceil(q.ids.length / parts);
  const found = await Promise.all(
    Array.from({ length: parts }, async (_, i) => {
      const bounds = { fromIndex: i * size, toIndex: (i + 1) * size };
      const [lists] = await db.read('relations-among', { ...q, ...bounds, scan });
      return columnRows(lists).map((row) => fromColumns(toRelation, row));
    }),
  );
  // Each part is in id order and within the limit: the first `limit` of them all, merged.
  return found.reduce((merged, part) => mergeById(merged, part, q.limit));
}

/** Two lists in id order merged into one, up to `limit` (sorting them again cost 0.4 ms). */
function mergeById(a: RelationModel[], b: RelationModel[], limit: number): RelationModel[] {
  const merged: RelationModel[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < limit && (i < a.length || j < b.length)) {
    merged.push(j >= b.length || (i < a.length && a[i]!.id <= b[j]!.id) ? a[i++]! : b[j++]!);
  }
  return merged;
}
