/**
 * Citations as a reader expects them: "Japan-ROK Relations (GlobalSecurity.org), ¶ 11, 13, 15".
 * Pure, shared by the API (`SourceRef.citation`), reports and the client.
 */
export interface CitedDocument {
  id: string;
  title?: string | null;
  publisher?: string | null;
}

export interface CitationRef {
  document: string;
  paragraphs: readonly number[];
}

/** References to the same document merged into one, paragraphs ascending without repeats. */
export function mergeRefs(refs: readonly CitationRef[]): CitationRef[] {
  const byDocument = new Map<string, Set<number>>();
  for (const ref of refs) {
    const paragraphs = byDocument.get(ref.document) ?? new Set<number>();
    for (const p of ref.paragraphs) paragraphs.add(p);
    byDocument.set(ref.document, paragraphs);
  }
  return [...byDocument].map(([document, paragraphs]) => ({
    document,
    paragraphs: [...paragraphs].sort((a, b) => a - b),
  }));
}

/** The document's title (or its id when it has none), its publisher, then its paragraphs. */
export function formatCitation(document: CitedDocument, paragraphs: readonly number[]): string {
  const name = document.title || document.id;
  const by = document.publisher ? ` (${document.publisher})` : '';
  const numbers = [...new Set(paragraphs)].sort((a, b) => a - b);
  return numbers.length > 0 ? `${name}${by}, ¶ ${numbers.join(', ')}` : `${name}${by}`;
}
