import { isPartialDate } from '../server/domain/dates';
import { parseDateSeen } from './dates-seen';
import { typeWords } from '../server/domain/relation-words';
import type { GraphEntity, GraphRelation, SourceRef } from './types';

/** How graph-file items are stored in Neo4j: one row per entity, relation, dated relation. */

/** "Women's" → "Womens": lets people type names the way they are usually typed. */
const plain = (name: string) => name.replace(/['’‘`]/g, '');

function searchText(names: string[]): string {
  const all = new Set<string>();
  for (const name of names) all.add(name).add(plain(name));
  return [...all].join(' | ');
}

function citations(sources: SourceRef[]): string[] {
  const all: string[] = [];
  for (const source of sources)
    for (const p of source.paragraphs) all.push(`${source.document}:${p}`);
  return all;
}

function bounds(value?: string) {
  const parsed = value === undefined ? undefined : parseDateSeen(value);
  return parsed && isPartialDate(parsed) ? parsed : undefined;
}

function dateBounds(item: { start?: string; end?: string }) {
  const start = bounds(item.start);
  const end = bounds(item.end);
  return {
    start: item.start ?? null,
    end: item.end ?? null,
    startMin: start?.min ?? null,
    startMax: start?.max ?? null,
    endMin: end?.min ?? null,
    endMax: end?.max ?? null,
  };
}

/** An entity's properties, without `degree` (known once every relation has been read). */
export function entityRow(e: GraphEntity) {
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    aliases: e.aliases ?? [],
    summary: e.summary ?? null,
    sources: citations(e.sources),
    beyondSource: e.beyondSource ?? null,
    searchText: searchText([e.name, ...(e.aliases ?? [])]),
    ...dateBounds(e),
  };
}

export type EntityRow = ReturnType<typeof entityRow>;

/** A phrase the relation stores: its own, not its type's (null: none stored). */
function own(phrase: string | undefined, typePhrase: string): string | null {
  return phrase === undefined || phrase === typePhrase ? null : phrase;
}

/**
 * A relation stores its phrases only where they are its own, not its type's (the reads fill
 * those in: server/domain/relation-words.ts).
 */
export function relationRow(relation: GraphRelation) {
  const defaults = typeWords(relation.type);
  return {
    id: relation.id,
    type: relation.type,
    source: relation.source,
    target: relation.target,
    properties: {
      id: relation.id,
      label: own(relation.label, defaults.label),
      inverseLabel: own(relation.inverseLabel, defaults.inverseLabel),
      summary: relation.summary ?? null,
      value: relation.value ?? null,
      unit: relation.unit ?? null,
      sources: citations(relation.sources),
      beyondSource: relation.beyondSource ?? null,
      ...dateBounds(relation),
    },
  };
}

export type RelationRow = ReturnType<typeof relationRow>;

/**
 * The timeline's node for a relation that has a start date (none for an undated one): the
 * relation's own properties and its ends' ids, so the timeline reads it from the date index
 * alone, without finding the relation (a dynamic type cannot use the id index, and element
 * ids change when a store is rebuilt by the offline import). The properties its own fields
 * repeat (DATED_REPEATS) are left out: about a million fewer values to write on a graph of a
 * million relations.
 */
export function datedRelation(row: RelationRow) {
  if (row.properties.start === null) return [];
  const properties: Record<string, unknown> = { ...row.properties };
  for (const name of DATED_REPEATS) delete properties[name];
  const fields = Object.fromEntries(
    Object.entries(DATED_FIELDS).map(([name, read]) => [name, read(row)]),
  ) as Record<keyof typeof DATED_FIELDS, string | null>;
  return [{ ...properties, ...fields }];
}

/**
 * Relation properties a DatedRelation does not repeat: relationId, dateMin, dateMax hold
 * them, and label, inverseLabel hold the phrases the relation is read with (its own or its
 * type's: the timeline's titles are made from them in Cypher).
 */
export const DATED_REPEATS: readonly string[] = [
  'id',
  'startMin',
  'startMax',
  'label',
  'inverseLabel',
];

/** What a DatedRelation holds besides the relation's properties, read from its row. */
export const DATED_FIELDS = {
  relationId: (row: RelationRow) => row.id,
  type: (row: RelationRow) => row.type,
  source: (row: RelationRow) => row.source,
  target: (row: RelationRow) => row.target,
  date: (row: RelationRow) => row.properties.start,
  dateMin: (row: RelationRow) => row.properties.startMin,
  dateMax: (row: RelationRow) => row.properties.startMax,
  label: (row: RelationRow) => row.properties.label ?? typeWords(row.type).label,
  inverseLabel: (row: RelationRow) =>
    row.properties.inverseLabel ?? typeWords(row.type).inverseLabel,
};
