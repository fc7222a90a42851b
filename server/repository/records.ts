import { typeWords } from '../domain/relation-words';
import type { EntityKind } from '../../shared/kinds';

/** What the resolvers work with: plain objects, independent of the driver. */
export interface SourceRef {
  document: string;
  paragraphs: number[];
}

export interface EntityModel {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  summary: string | null;
  start: string | null;
  end: string | null;
  sources: SourceRef[];
  beyondSource: string | null;
  degree: number;
}

export interface RelationModel {
  id: string;
  type: string;
  label: string;
  inverseLabel: string;
  sourceId: string;
  targetId: string;
  summary: string | null;
  start: string | null;
  end: string | null;
  value: number | null;
  unit: string | null;
  sources: SourceRef[];
  beyondSource: string | null;
}

type Row = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Citations are stored as "document:paragraph" strings; group them back per document. */
export function toSourceRefs(value: unknown): SourceRef[] {
  // Most records a walk maps have none (only the fields it was asked for): no Map for them.
  if (!Array.isArray(value) || value.length === 0) return [];
  const byDocument = new Map<string, number[]>();
  for (const citation of value) {
    const text = String(citation);
    const at = text.lastIndexOf(':');
    const document = text.slice(0, at);
    const paragraphs = byDocument.get(document) ?? [];
    paragraphs.push(Number(text.slice(at + 1)));
    byDocument.set(document, paragraphs);
  }
  return [...byDocument].map(([document, paragraphs]) => ({
    document,
    paragraphs: [...new Set(paragraphs)].sort((a, b) => a - b),
  }));
}

export function toEntity(row: Row): EntityModel {
  return {
    id: String(row.id),
    name: String(row.name),
    kind: row.kind as EntityKind,
    aliases: Array.isArray(row.aliases) ? row.aliases.map(String) : [],
    summary: str(row.summary),
    start: str(row.start),
    end: str(row.end),
    sources: toSourceRefs(row.sources),
    beyondSource: str(row.beyondSource),
    degree: Number(row.degree ?? 0),
  };
}

/** A relation's phrases are its own where it has them, else its type's (relation-words.ts). */
export function toRelation(row: Row): RelationModel {
  const type = String(row.type);
  const words = typeWords(type);
  return {
    id: String(row.id),
    type,
    label: str(row.label) ?? words.label,
    inverseLabel: str(row.inverseLabel) ?? words.inverseLabel,
    sourceId: String(row.source),
    targetId: String(row.target),
    summary: str(row.summary),
    start: str(row.start),
    end: str(row.end),
    value: typeof row.value === 'number' ? row.value : null,
    unit: str(row.unit),
    sources: toSourceRefs(row.sources),
    beyondSource: str(row.beyondSource),
  };
}

/**
 * A row of columns (id, name, kind, degree for an entity; id, type, source, target for a
 * relation) with the other properties in `details` when the statement was asked for them.
 * A row without details is read as it is (a hub's neighbourhood maps 1,400 relations: one
 * object a row less to make and collect); `to` reads only the fields it knows.
 */
export function fromColumns<T>(to: (row: Row) => T, row: Row): T {
  const details = row.details as Row | null | undefined;
  return to(details ? { ...details, ...row } : row);
}

/**
 * A statement's single row of lists, one per column (`collect(x) AS column`), as rows. A list
 * left empty (details nobody asked for: `collect` skips nulls) reads as null in every row.
 */
export function columnRows(lists: Row | undefined): Row[] {
  const columns = Object.entries(lists ?? {}) as [string, unknown[]][];
  const length = Math.max(0, ...columns.map(([, list]) => list.length));
  return Array.from({ length }, (_, i) => {
    const row: Row = {};
    for (const [column, list] of columns) row[column] = list[i] ?? null;
    return row;
  });
}
