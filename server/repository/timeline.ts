import type { Database } from '../db/database';
import type { PartialDate } from '../domain/dates';
import { sentence } from '../../shared/grammar';
import type { EntityKind } from '../../shared/kinds';
import { keptPerGraph } from './kept';
import type { GraphMeta } from './meta';
import { type EntityModel, type RelationModel, toEntity, toRelation } from './records';

export interface TimelineQuery {
  from: PartialDate | null;
  to: PartialDate | null;
  entityId: string | null;
  /** Only entities of these kinds, and then no relations; null for everything dated. */
  kinds: EntityKind[] | null;
  first: number;
  /** False: entities and relations with only their brief fields (see neighborhood.ts). */
  entityDetail?: boolean;
  relationDetail?: boolean;
}

export interface TimelineRow {
  date: string;
  title: string;
  entity: EntityModel | null;
  relation: RelationModel | null;
  /** The entities the row names (the entity, or both ends of the relation). */
  known: EntityModel[];
}

type Fields = Record<string, unknown>;

/** Lower than any ISO date and higher than any: open ends of a range stay index ranges. */
const BEFORE_ALL = '';
const AFTER_ALL = '~';

/** A year before `min`: the earliest a partial date (a whole year at most) that reaches `min` can begin. */
function yearBefore(min: string): string {
  const year = Number(min.slice(0, 4));
  return `${String(year - 1).padStart(4, '0')}${min.slice(4)}`;
}

/** A brief entity comes as [id, name, kind, degree], a whole one as a map. */
const entityFields = (value: Fields | unknown[]): Fields =>
  Array.isArray(value) ? { id: value[0], name: value[1], kind: value[2], degree: value[3] } : value;

/** A brief relation comes as [id, type, label, inverseLabel, source, target]. */
const relationFields = (value: Fields | unknown[]): Fields =>
  Array.isArray(value)
    ? {
        id: value[0],
        type: value[1],
        label: value[2],
        inverseLabel: value[3],
        source: value[4],
        target: value[5],
      }
    : value;

/** Whole-graph timelines kept per loaded graph (the explorer's first screen asks for one). */
const keepWhole = keptPerGraph<TimelineRow[]>(4);

/**
 * Dated entities and dated relations in date order. Without an entity it reads the date
 * indexes in order and stops after `first` rows; with one it walks that entity's relations.
 * The whole graph's, unfiltered (what every user's first screen lists), is read once per
 * loaded graph.
 */
export async function timeline(
  db: Database,
  q: TimelineQuery,
  meta: () => Promise<GraphMeta>,
): Promise<TimelineRow[]> {
  if (q.from === null && q.to === null && q.entityId === null && q.kinds === null) {
    const key = `${q.first}|${q.entityDetail ?? true}|${q.relationDetail ?? true}`;
    return keepWhole(db, meta, key, () => readTimeline(db, q));
  }
  return readTimeline(db, q);
}

async function readTimeline(db: Database, q: TimelineQuery): Promise<TimelineRow[]> {
  const rows = await db.read<{
    date: string;
    title: string;
    entity: Fields | unknown[] | null;
    relation: Fields | unknown[] | null;
    subject: Fields | unknown[] | null;
    object: Fields | unknown[] | null;
  }>(q.entityId === null ? 'timeline' : 'timeline-of', {
    fromMin: q.from?.min ?? BEFORE_ALL,
    fromLow: q.from ? yearBefore(q.from.min) : BEFORE_ALL,
    toMax: q.to?.max ?? AFTER_ALL,
    entityId: q.entityId,
    kinds: q.kinds,
    relations: q.kinds === null,
    first: q.first,
    entityDetail: q.entityDetail ?? true,
    relationDetail: q.relationDetail ?? true,
  });
  return rows.map((row) => {
    const entity = row.entity ? toEntity(entityFields(row.entity)) : null;
    const relation = row.relation ? toRelation(relationFields(row.relation)) : null;
    if (!relation || !row.subject || !row.object) {
      return { date: row.date, title: row.title, entity, relation: null, known: [entity!] };
    }
    const subject = toEntity(entityFields(row.subject));
    const object = toEntity(entityFields(row.object));
    const title = sentence(subject, relation.label, object.name);
    return { date: row.date, title, entity: null, relation, known: [subject, object] };
  });
}
