import type { Database } from '../db/database';
import type { EntityKind } from '../../shared/kinds';

export interface KindCount {
  kind: EntityKind;
  count: number;
}

export interface RelationTypeCount {
  type: string;
  label: string;
  inverseLabel: string;
  count: number;
}

/** What the loader counted while it read the graph file (the `GraphMeta` node). */
export interface GraphMeta {
  entities: number;
  relations: number;
  documents: number;
  byKind: KindCount[];
  byRelationType: RelationTypeCount[];
  /** An entity with at least this degree counts as a hub. */
  hubDegree: number;
  /** When the graph was loaded; null before any load. */
  loadedAt: string | null;
}

interface MetaRow {
  entities: number;
  relations: number;
  documents: number;
  byKind: string;
  byRelationType: string;
  hubDegree: number;
  loadedAt: string | null;
}

/** One node read by its key: the same cost at 100 entities or a million. */
export async function graphMeta(db: Database): Promise<GraphMeta> {
  const [row] = await db.read<MetaRow>('stats');
  return {
    entities: row?.entities ?? 0,
    relations: row?.relations ?? 0,
    documents: row?.documents ?? 0,
    byKind: JSON.parse(row?.byKind ?? '[]') as KindCount[],
    byRelationType: JSON.parse(row?.byRelationType ?? '[]') as RelationTypeCount[],
    hubDegree: row?.hubDegree ?? 10,
    loadedAt: row?.loadedAt ?? null,
  };
}

const TYPES_TTL_MS = 10_000;
let known: { types: Set<string>; at: number; db: Database } | undefined;

/**
 * The relationship types of the loaded graph, to check types that users send. Kept a few
 * seconds per process (a fresh import is seen after that), so a filter costs no round trip.
 */
export async function knownRelationTypes(db: Database): Promise<Set<string>> {
  if (!known || known.db !== db || Date.now() - known.at > TYPES_TTL_MS) {
    const meta = await graphMeta(db);
    known = { types: new Set(meta.byRelationType.map((t) => t.type)), at: Date.now(), db };
  }
  return known.types;
}
