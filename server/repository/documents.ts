import DataLoader from 'dataloader';
import type { Database } from '../db/database';

export interface DocumentModel {
  id: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  date: string | null;
}

export interface ParagraphModel {
  number: number;
  text: string;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const toDocument = (d: Record<string, unknown>): DocumentModel => ({
  id: String(d.id),
  title: str(d.title),
  publisher: str(d.publisher),
  url: str(d.url),
  date: str(d.date),
});

/** The documents with these ids, as stored (those that exist). */
export async function documentsById(
  db: Database,
  ids: readonly string[],
): Promise<Record<string, unknown>[]> {
  if (ids.length === 0) return [];
  const rows = await db.read<{ document: Record<string, unknown> }>('documents-by-id', {
    ids: [...ids],
  });
  return rows.map((row) => row.document);
}

/** Where a statement that brings documents along leaves them (the request's document loader). */
export type DocumentSink = Pick<ReturnType<typeof createDocumentLoaders>, 'remember'>;

/**
 * Per-request batching for the evidence: however many SourceRefs a response holds, their
 * documents come in one statement and their attached paragraphs in one more.
 */
export function createDocumentLoaders(db: Database) {
  /** Documents read so far, for resolvers that can then answer without a promise. */
  const read = new Map<string, DocumentModel | null>();
  const document = new DataLoader<string, DocumentModel | null>(async (ids) => {
    const rows = await documentsById(db, ids);
    const found = new Map(rows.map((d) => [String(d.id), toDocument(d)]));
    return ids.map((id) => {
      const model = found.get(id) ?? null;
      read.set(id, model);
      return model;
    });
  });

  /** Documents another statement brought along (entities-by-id, search): no read for them. */
  function remember(rows: Record<string, unknown>[]): void {
    for (const row of rows) {
      const model = toDocument(row);
      read.set(model.id, model);
      document.prime(model.id, model);
    }
  }

  /** The document, at once when already read, else loaded (batched). */
  const documentOf = (id: string): DocumentModel | null | Promise<DocumentModel | null> =>
    read.has(id) ? read.get(id)! : document.load(id);

  const paragraph = new DataLoader<{ document: string; number: number }, string | null, string>(
    async (keys) => {
      const rows = await db.read<{ document: string; number: number; text: string }>(
        'paragraphs-of',
        { keys: keys.map((k) => ({ document: k.document, number: k.number })) },
      );
      const found = new Map(rows.map((r) => [`${r.document}:${r.number}`, r.text]));
      return keys.map((k) => found.get(`${k.document}:${k.number}`) ?? null);
    },
    { cacheKeyFn: (k) => `${k.document}:${k.number}` },
  );

  /** The attached text of these paragraphs, in order; those without text are left out. */
  async function paragraphs(document: string, numbers: number[]): Promise<ParagraphModel[]> {
    const texts = await paragraph.loadMany(numbers.map((number) => ({ document, number })));
    return numbers.flatMap((number, i) => {
      const text = texts[i];
      return typeof text === 'string' ? [{ number, text }] : [];
    });
  }

  return { document, documentOf, remember, paragraphs };
}

/** Paragraphs as a reader sees them: separated by blank lines, inner line breaks joined. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/\s*\n\s*/g, ' ').trim())
    .filter((block) => block.length > 0);
}

/** Attaches a document's text (replacing any text attached before); returns the count. */
export async function attachText(db: Database, document: string, text: string): Promise<number> {
  const texts = splitParagraphs(text);
  if (texts.length === 0) throw new Error('The file holds no text: nothing to attach.');
  const [row] = await db.write<{ paragraphs: number }>('attach-paragraphs', { document, texts });
  if (!row) {
    const known = await db.read<{ id: string }>('document-ids');
    throw new Error(
      `No document with id "${document}". Documents in the graph: ${known.map((d) => d.id).join(', ') || 'none'}.`,
    );
  }
  return row.paragraphs;
}

/** What a SourceRef resolves from (a document id and paragraphs), named apart from the type. */
export type { SourceRef as SourceRefModel } from './records';
