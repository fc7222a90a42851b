import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Database } from '../server/db/database';
import { typeWords } from '../server/domain/relation-words';
import { sourcesFrom } from './csv';
import type { GraphDocument, GraphEntity, GraphRelation } from './types';

/**
 * Writes the live graph back out, as a graph file or as neo4j-admin CSVs, reading it a page
 * at a time (entities in id order, then the relations that start at each page), so memory
 * stays bounded whatever the size. Pages are separate transactions: export a graph while no
 * import is switching it.
 */
const PAGE = 5_000;

type Stored = Record<string, unknown>;

/** Drops what the graph file leaves out: nulls, empty lists, properties the loader derives. */
function present<T extends Stored>(item: T): T {
  return Object.fromEntries(
    Object.entries(item).filter(
      ([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  ) as T;
}

function entityItem(n: Stored): GraphEntity {
  return present({
    id: n.id,
    name: n.name,
    kind: n.kind,
    aliases: n.aliases,
    summary: n.summary,
    start: n.start,
    end: n.end,
    sources: sourcesFrom((n.sources as string[]) ?? []),
    beyondSource: n.beyondSource,
  }) as GraphEntity;
}

/** With its phrases whether its own or its type's, as the API shows them. */
function relationItem(row: { source: string; target: string; type: string; relation: Stored }) {
  const r = row.relation;
  const words = typeWords(row.type);
  return present({
    id: r.id,
    type: row.type,
    source: row.source,
    target: row.target,
    label: r.label ?? words.label,
    inverseLabel: r.inverseLabel ?? words.inverseLabel,
    summary: r.summary,
    start: r.start,
    end: r.end,
    value: r.value,
    unit: r.unit,
    sources: sourcesFrom((r.sources as string[]) ?? []),
    beyondSource: r.beyondSource,
  }) as GraphRelation;
}

async function* entityPages(db: Database): AsyncGenerator<GraphEntity[]> {
  let after = '';
  for (;;) {
    const rows = await db.read<{ entity: Stored }>('export-entities', { after, batch: PAGE });
    if (rows.length === 0) return;
    yield rows.map((r) => entityItem(r.entity));
    after = rows[rows.length - 1]!.entity.id as string;
  }
}

interface GraphWriter {
  documents(items: GraphDocument[]): Promise<void>;
  entities(items: GraphEntity[]): Promise<void>;
  relations(items: GraphRelation[]): Promise<void>;
}

async function exportInto(db: Database, writer: GraphWriter): Promise<Record<string, number>> {
  const counts = { documents: 0, entities: 0, relations: 0 };
  const documents = await db.read<{ document: Stored }>('export-documents');
  await writer.documents(documents.map((d) => present(d.document) as unknown as GraphDocument));
  counts.documents = documents.length;
  for await (const page of entityPages(db)) {
    await writer.entities(page);
    counts.entities += page.length;
  }
  for await (const page of entityPages(db)) {
    const rows = await db.read<Parameters<typeof relationItem>[0]>('export-relations', {
      ids: page.map((e) => e.id),
    });
    await writer.relations(rows.map(relationItem));
    counts.relations += rows.length;
  }
  return counts;
}

async function put(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** The live graph as one graph file (the format of seed/graph.json). */
export async function exportJson(db: Database, file: string) {
  const out = fs.createWriteStream(file);
  const order = ['documents', 'entities', 'relations'];
  let section = 'documents';
  let first = true;
  /** Closes the sections before `name` (even empty ones) and opens it. */
  const open = async (name: string) => {
    while (order.indexOf(section) < order.indexOf(name)) {
      section = order[order.indexOf(section) + 1]!;
      await put(out, `],\n"${section}":[\n`);
      first = true;
    }
  };
  const list = async (name: string, items: unknown[]) => {
    await open(name);
    for (const item of items) {
      await put(out, (first ? '' : ',\n') + JSON.stringify(item));
      first = false;
    }
  };
  await put(out, '{"documents":[\n');
  const counts = await exportInto(db, {
    documents: (items) => list('documents', items),
    entities: (items) => list('entities', items),
    relations: (items) => list('relations', items),
  });
  await open('relations');
  out.end(']}\n');
  await finished(out);
  return counts;
}

const NODE_HEADER = [
  'id:ID',
  'name',
  'kind',
  'aliases:string[]',
  'summary',
  'start',
  'end',
  'sources:string[]',
  'beyondSource',
  ':LABEL',
];
const RELATIONSHIP_HEADER = [
  ':START_ID',
  ':END_ID',
  ':TYPE',
  'id',
  'label',
  'inverseLabel',
  'summary',
  'start',
  'end',
  'value:float',
  'unit',
  'sources:string[]',
  'beyondSource',
];
const DOCUMENT_HEADER = ['id:ID(Document)', 'title', 'publisher', 'url', ':LABEL'];

const citations = (sources: { document: string; paragraphs: number[] }[]) =>
  sources.flatMap((s) => s.paragraphs.map((p) => `${s.document}:${p}`)).join(';');
const pascal = (kind: string) =>
  kind
    .toLowerCase()
    .split('_')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/**
 * The live graph as neo4j-admin import CSVs in `dir`: documents.csv, nodes.csv (labels
 * `Entity;<Kind>`) and relationships.csv; `neo4j-admin database import full --nodes=…`
 * reads them as they are, and so does `npm run import -- DIR`.
 */
export async function exportCsv(db: Database, dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const open = (name: string, header: string[]) => {
    const csv = stringify({ header: true, columns: header });
    const file = fs.createWriteStream(path.join(dir, name));
    csv.pipe(file);
    return { csv, file };
  };
  const files = {
    documents: open('documents.csv', DOCUMENT_HEADER),
    nodes: open('nodes.csv', NODE_HEADER),
    relationships: open('relationships.csv', RELATIONSHIP_HEADER),
  };
  const row = async (target: (typeof files)[keyof typeof files], values: unknown[]) => {
    if (!target.csv.write(values.map((v) => (v === undefined ? '' : v)))) {
      await once(target.csv, 'drain');
    }
  };
  const counts = await exportInto(db, {
    async documents(items) {
      for (const d of items)
        await row(files.documents, [d.id, d.title, d.publisher, d.url, 'Document']);
    },
    async entities(items) {
      for (const e of items) {
        await row(files.nodes, [
          e.id,
          e.name,
          e.kind,
          (e.aliases ?? []).join(';'),
          e.summary,
          e.start,
          e.end,
          citations(e.sources),
          e.beyondSource,
          `Entity;${pascal(e.kind)}`,
        ]);
      }
    },
    async relations(items) {
      for (const r of items) {
        await row(files.relationships, [
          r.source,
          r.target,
          r.type,
          r.id,
          r.label,
          r.inverseLabel,
          r.summary,
          r.start,
          r.end,
          r.value,
          r.unit,
          citations(r.sources),
          r.beyondSource,
        ]);
      }
    },
  });
  await Promise.all(
    Object.values(files).map(async ({ csv, file }) => {
      csv.end();
      await finished(file);
    }),
  );
  return counts;
}
