import type { Database } from '../db/database';
import type { PartialDate } from '../domain/dates';
import { sentence } from '../domain/grammar';
import type { EntityKind } from '../domain/kinds';
import { type RelationModel, toRelation } from './records';

export interface TimelineQuery {
  from: PartialDate | null;
  to: PartialDate | null;
  entityId: string | null;
  first: number;
}

export interface TimelineRow {
  date: string;
  title: string;
  entityId: string | null;
  relation: RelationModel | null;
}

export async function timeline(db: Database, q: TimelineQuery): Promise<TimelineRow[]> {
  const rows = await db.read<{
    date: string;
    title: string;
    entityId: string | null;
    relation: Record<string, unknown> | null;
    subject: { name: string; kind: EntityKind } | null;
    object: string | null;
  }>('timeline', {
    fromMin: q.from?.min ?? null,
    toMax: q.to?.max ?? null,
    entityId: q.entityId,
    first: q.first,
  });
  return rows.map((row) => {
    const relation = row.relation ? toRelation(row.relation) : null;
    const title =
      relation && row.subject ? sentence(row.subject, relation.label, row.object!) : row.title;
    return { date: row.date, title, entityId: row.entityId, relation };
  });
}
