import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { ENTITY_KINDS } from '../shared/kinds';
import type { GraphSource, SourceItem } from './load';
import type { SourceRef } from './types';

/**
 * Reads the CSVs Neo4j users already have, with neo4j-admin import headers: node files
 * (`id:ID`, `:LABEL`, properties) and relationship files (`:START_ID`, `:END_ID`, `:TYPE`),
 * typed columns (`value:float`, `aliases:string[]` with `;` between items). They become the
 * items of a graph file and go through the same checks and the same write:
 *  - a node labelled `Document` is a document; any other node is an entity whose kind is its
 *    `kind` column or else its label that names a kind (`Person` → PERSON);
 *  - `sources:string[]` holds citations as `document:paragraph`; a row without sources cites
 *    one document that stands for the CSV files themselves;
 *  - problems are reported as `nodes.csv line 12.kind`.
 */
const ARRAY_DELIMITER = ';';
export const CSV_DOCUMENT = 'csv-import';

interface Column {
  name: string;
  /** ID, START_ID, END_ID, TYPE, LABEL, IGNORE, or a value type (string, float, …). */
  type: string;
  array: boolean;
}

function columns(header: string[]): Column[] {
  return header.map((raw) => {
    const at = raw.lastIndexOf(':');
    const name = at === -1 ? raw : raw.slice(0, at);
    let type = at === -1 ? 'string' : raw.slice(at + 1);
    const array = type.endsWith('[]');
    if (array) type = type.slice(0, -2);
    // `id:ID(Group)`: the id space is not needed once ids are unique per file kind.
    type = type.replace(/\(.*\)$/, '').toUpperCase();
    return { name, type, array };
  });
}

function typed(value: string, column: Column): unknown {
  const one = (text: string): unknown => {
    switch (column.type) {
      case 'INT':
      case 'LONG':
      case 'FLOAT':
      case 'DOUBLE':
      case 'SHORT':
      case 'BYTE':
        return text.trim() === '' ? text : Number(text);
      case 'BOOLEAN':
        return text.toLowerCase() === 'true';
      default:
        return text;
    }
  };
  return column.array
    ? value
        .split(ARRAY_DELIMITER)
        .filter((v) => v !== '')
        .map(one)
    : one(value);
}

/** `doc:3` citations back to the graph file's `{document, paragraphs}` form. */
export function sourcesFrom(citations: string[]): SourceRef[] {
  const byDocument = new Map<string, number[]>();
  for (const citation of citations) {
    const at = citation.lastIndexOf(':');
    const document = at === -1 ? citation : citation.slice(0, at);
    const paragraph = Number(citation.slice(at + 1));
    const list = byDocument.get(document) ?? byDocument.set(document, []).get(document)!;
    list.push(at === -1 || !Number.isInteger(paragraph) ? Number.NaN : paragraph);
  }
  return [...byDocument].map(([document, paragraphs]) => ({ document, paragraphs }));
}

const KIND_BY_LABEL = new Map(ENTITY_KINDS.map((kind) => [kind.replace(/_/g, ''), kind]));

interface Row {
  at: string;
  fields: Record<string, unknown>;
  id?: string;
  labels: string[];
  start?: string;
  end?: string;
  type?: string;
}

async function* rows(file: string, onBytes: (chunk: Buffer) => void): AsyncGenerator<Row> {
  const input = fs.createReadStream(file);
  input.on('data', (chunk) => onBytes(chunk as Buffer));
  const parser = input.pipe(parse({ bom: true, relax_column_count: false }));
  let header: Column[] | undefined;
  let line = 1;
  const name = path.basename(file);
  for await (const record of parser as AsyncIterable<string[]>) {
    if (!header) {
      header = columns(record);
      continue;
    }
    line += 1;
    const row: Row = { at: `${name} line ${line}`, fields: {}, labels: [] };
    header.forEach((column, i) => {
      const value = record[i] ?? '';
      if (value === '' || column.type === 'IGNORE') return;
      if (column.type === 'ID') {
        row.id = value;
        if (column.name) row.fields[column.name] = value;
      } else if (column.type === 'START_ID') row.start = value;
      else if (column.type === 'END_ID') row.end = value;
      else if (column.type === 'TYPE') row.type = value;
      else if (column.type === 'LABEL') row.labels.push(...value.split(ARRAY_DELIMITER));
      else row.fields[column.name] = typed(value, column);
    });
    yield row;
  }
}

async function headerOf(file: string): Promise<string[]> {
  const parser = fs.createReadStream(file).pipe(parse({ bom: true, to_line: 1 }));
  for await (const record of parser as AsyncIterable<string[]>) return record;
  return [];
}

/** The CSV files given, or those in a directory; relationship files are told by `:START_ID`. */
export async function csvSource(paths: string[]): Promise<GraphSource> {
  const files = paths.flatMap((p) =>
    fs.statSync(p).isDirectory()
      ? fs
          .readdirSync(p)
          .filter((f) => f.toLowerCase().endsWith('.csv'))
          .sort()
          .map((f) => path.join(p, f))
      : [p],
  );
  const nodeFiles: string[] = [];
  const relationshipFiles: string[] = [];
  for (const file of files) {
    const header = await headerOf(file);
    (header.some((h) => h.endsWith(':START_ID')) ? relationshipFiles : nodeFiles).push(file);
  }
  const name = files.map((f) => path.basename(f)).join(', ');
  return {
    name: files.length === 1 ? files[0]! : `${path.dirname(files[0] ?? '.')}/{${name}}`,
    bytes: files.reduce((sum, f) => sum + fs.statSync(f).size, 0),
    items: (onBytes) => inGroups(items(nodeFiles, relationshipFiles, name, onBytes)),
  };
}

/** Items handed over a thousand at a time, as the check pass reads them. */
async function* inGroups(items: AsyncIterable<SourceItem>): AsyncGenerator<SourceItem[]> {
  let group: SourceItem[] = [];
  for await (const item of items) {
    group.push(item);
    if (group.length === 1_000) {
      yield group;
      group = [];
    }
  }
  if (group.length > 0) yield group;
}

async function* items(
  nodeFiles: string[],
  relationshipFiles: string[],
  name: string,
  onBytes: (chunk: Buffer) => void,
): AsyncGenerator<SourceItem> {
  const counts = { documents: 0, entities: 0, relations: 0 };
  let needsCsvDocument = false;
  const cite = (fields: Record<string, unknown>) => {
    const citations = fields.sources as string[] | undefined;
    if (citations?.length) return sourcesFrom(citations);
    needsCsvDocument = true;
    return [{ document: CSV_DOCUMENT, paragraphs: [1] }];
  };
  const item = (section: keyof typeof counts, value: unknown, at: string): SourceItem => ({
    kind: 'item',
    section,
    index: counts[section]++,
    value,
    at,
  });

  yield { kind: 'section-start', section: 'entities' };
  const documents: SourceItem[] = [];
  for (const file of nodeFiles) {
    for await (const row of rows(file, onBytes)) {
      const fields: Record<string, unknown> = { ...row.fields, id: row.id ?? row.fields.id };
      if (row.labels.includes('Document')) {
        documents.push(item('documents', fields, row.at));
        continue;
      }
      const kind =
        fields.kind ??
        row.labels.map((l) => KIND_BY_LABEL.get(l.toUpperCase())).find((k) => k !== undefined) ??
        row.labels.find((l) => l !== 'Entity');
      yield item('entities', { ...fields, kind, sources: cite(fields) }, row.at);
    }
  }
  yield { kind: 'section-end', section: 'entities', count: counts.entities };

  yield { kind: 'section-start', section: 'relations' };
  for (const file of relationshipFiles) {
    for await (const row of rows(file, onBytes)) {
      const relation = {
        ...row.fields,
        id:
          row.fields.id ??
          `${row.start}-${row.type}-${row.end}-${counts.relations}`
            .toLowerCase()
            .replace(/_/g, '-'),
        type: row.type,
        source: row.start,
        target: row.end,
        sources: cite(row.fields),
      };
      yield item('relations', relation, row.at);
    }
  }
  yield { kind: 'section-end', section: 'relations', count: counts.relations };

  yield { kind: 'section-start', section: 'documents' };
  yield* documents;
  if (needsCsvDocument) {
    const title = `Imported from ${name}`;
    yield item('documents', { id: CSV_DOCUMENT, title }, name);
  }
  yield { kind: 'section-end', section: 'documents', count: counts.documents };
}
