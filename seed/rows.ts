import fs from 'node:fs';
import path from 'node:path';
import { isPartialDate } from '../server/domain/dates';
import { parseDateSeen } from './dates-seen';
import type { TypeWords } from './derived';
import type { GraphEntity, GraphRelation, SourceRef } from './types';

/** How graph-file items are stored in Neo4j: one row per entity, relation, dated relation. */
const ONTOLOGY_FILE = path.join(__dirname, 'ontology.json');

/** Readable phrases of each relationship type, from the ontology when it knows the type. */
export function relationWords(): Map<string, TypeWords> {
  if (!fs.existsSync(ONTOLOGY_FILE)) return new Map();
  const ontology = JSON.parse(fs.readFileSync(ONTOLOGY_FILE, 'utf8')) as {
    relationTypes: ({ type: string } & TypeWords)[];
  };
  return new Map(
    ontology.relationTypes.map((t) => [t.type, { label: t.label, inverseLabel: t.inverseLabel }]),
  );
}

/** The phrases a relation of this type gets when the file gives none (kept in `words`). */
export function typeWords(type: string, words: Map<string, TypeWords>): TypeWords {
  const known = words.get(type);
  if (known?.label !== undefined && known.inverseLabel !== undefined) return known;
  const fallback = type.toLowerCase().replace(/_/g, ' ');
  const phrases = {
    label: known?.label ?? fallback,
    inverseLabel: known?.inverseLabel ?? `is the object of "${fallback}" by`,
  };
  words.set(type, phrases);
  return phrases;
}

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

export function relationRow(relation: GraphRelation, words: Map<string, TypeWords>) {
  const defaults = typeWords(relation.type, words);
  return {
    id: relation.id,
    type: relation.type,
    source: relation.source,
    target: relation.target,
    properties: {
      id: relation.id,
      label: relation.label ?? defaults.label,
      inverseLabel: relation.inverseLabel ?? defaults.inverseLabel,
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

/** Relation properties a DatedRelation does not repeat: relationId, dateMin, dateMax hold them. */
export const DATED_REPEATS: readonly string[] = ['id', 'startMin', 'startMax'];

/** What a DatedRelation holds besides the relation's properties, read from its row. */
export const DATED_FIELDS = {
  relationId: (row: RelationRow) => row.id,
  type: (row: RelationRow) => row.type,
  source: (row: RelationRow) => row.source,
  target: (row: RelationRow) => row.target,
  date: (row: RelationRow) => row.properties.start,
  dateMin: (row: RelationRow) => row.properties.startMin,
  dateMax: (row: RelationRow) => row.properties.startMax,
};
