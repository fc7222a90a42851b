import DataLoader from 'dataloader';
import type { Database } from '../db/database';
import type { DocumentSink } from './documents';
import { type GraphMeta, graphMeta } from './meta';
import { type EntityModel, type RelationModel, toEntity, toRelation } from './records';

interface RelationWithEnd {
  relation: Record<string, unknown>;
  other: Record<string, unknown>;
}

export interface RelationsKey {
  id: string;
  types: string[] | null;
  direction: 'OUT' | 'IN' | 'BOTH';
  first: number;
  /**
   * Only the brief fields of the relations (with their phrases) and of their other ends are
   * asked for: the statement returns no more, and the ends are kept as brief records.
   */
  brief: boolean;
}

const relationsKey = (k: RelationsKey) =>
  JSON.stringify([k.id, k.types, k.direction, k.first, k.brief]);

/**
 * Per-request batching: however many entities a GraphQL selection touches, their records
 * come in one statement and their relations in one statement per distinct argument set.
 */
export function createLoaders(db: Database, documents: DocumentSink) {
  const entity = new DataLoader<string, EntityModel | null>(async (ids) => {
    const rows = await db.read<{
      entity: Record<string, unknown>;
      documents: Record<string, unknown>[];
    }>('entities-by-id', { ids: [...ids] });
    documents.remember(rows.flatMap((row) => row.documents));
    const found = new Map(rows.map((row) => [String(row.entity.id), toEntity(row.entity)]));
    return ids.map((id) => found.get(id) ?? null);
  });

  const relations = new DataLoader<RelationsKey, RelationModel[], string>(
    async (keys) => {
      const groups = new Map<string, RelationsKey[]>();
      for (const key of keys) {
        const group = relationsKey({ ...key, id: '' });
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const byKey = new Map<string, RelationModel[]>();
      for (const group of groups.values()) {
        const { types, direction, first, brief } = group[0]!;
        const rows = await db.read<{
          id: string;
          entity: Record<string, unknown>;
          relations: RelationWithEnd[];
        }>('relations-of', {
          ids: group.map((k) => k.id),
          types,
          direction,
          first,
          detail: !brief,
        });
        for (const row of rows) {
          remember([toEntity(row.entity)]);
          // A brief read's ends are kept apart: a later full selection of them reads them whole.
          (brief ? rememberBrief : remember)(row.relations.map((r) => toEntity(r.other)));
          byKey.set(
            relationsKey({ ...group[0]!, id: row.id }),
            row.relations.map((r) => toRelation(r.relation)),
          );
        }
      }
      return keys.map((k) => byKey.get(relationsKey(k)) ?? []);
    },
    { cacheKeyFn: relationsKey },
  );

  /** Entities a statement returned anyway: later selections of them cost no round trip. */
  /** Entities read so far, for resolvers that can then answer without a promise. */
  const read = new Map<string, EntityModel>();
  function remember(found: readonly EntityModel[]): void {
    for (const e of found) {
      entity.prime(e.id, e);
      read.set(e.id, e);
    }
  }
  const known = (id: string) => read.get(id);

  /**
   * Records with only the brief fields (neighbors.cypher without $entityDetail): kept apart,
   * for fields that ask no more of them; `entity` never hands them out.
   */
  const briefs = new Map<string, EntityModel>();
  function rememberBrief(found: readonly EntityModel[]): void {
    for (const e of found) briefs.set(e.id, e);
  }
  const brief = (id: string) => briefs.get(id);

  /** Entities must exist: a relation end or a path step always has one. */
  async function entities(ids: readonly string[]): Promise<EntityModel[]> {
    const loaded = await entity.loadMany(ids);
    return loaded.filter((e): e is EntityModel => e !== null && !(e instanceof Error));
  }

  /** The graph's counts, read once per request however many fields ask for them. */
  let metaOnce: Promise<GraphMeta> | undefined;
  const meta = () => (metaOnce ??= graphMeta(db));

  return { entity, relations, entities, remember, known, rememberBrief, brief, meta };
}

export type Loaders = ReturnType<typeof createLoaders>;
