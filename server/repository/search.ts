import type { Database } from '../db/database';
import type { DocumentSink } from './documents';
import type { EntityKind } from '../../shared/kinds';
import { type EntityModel, toEntity } from './records';

export const MAX_SEARCH_TEXT = 200;
const MAX_TERMS = 8;

/**
 * Lowercase words without punctuation: "Women's" → "womens", "Geun-hye" → "geun", "hye".
 * Accents go (NFKD, then marks dropped), but the result is composed again (NFC): decomposed
 * Hangul ("독도" as six jamo) would never match the composed syllables the index holds.
 */
export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, MAX_TERMS);
}

/** Backslash-escapes every character Lucene's query parser treats as syntax. */
export function escapeLucene(term: string): string {
  return term.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&').replace(/\b(AND|OR|NOT)\b/g, '\\$1');
}

/**
 * A Lucene query in which each term may match exactly, as a prefix, or within one or two
 * edits (long words); entities matching more terms score higher, and a stray word does not
 * empty the result. Terms are escaped, so user text can never become query syntax.
 */
export function buildLuceneQuery(terms: string[]): string {
  return terms
    .map((term) => {
      const t = escapeLucene(term);
      const edits = term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
      const fuzzy = edits > 0 ? ` OR ${t}~${edits}` : '';
      return `(${t}^4 OR ${t}*^2${fuzzy})`;
    })
    .join(' OR ');
}

const squash = (name: string) => searchTerms(name).join(' ');

/** 3 for an exact name or alias, 2 for a prefix of one, 1 otherwise (a fuzzy match). */
export function matchBand(text: string, names: string[]): number {
  return bandOf(squash(text), names);
}

/** matchBand for text already squashed (a search squashes its text once, not per candidate). */
function bandOf(wanted: string, names: string[]): number {
  const known = names.map(squash);
  if (known.includes(wanted)) return 3;
  if (
    known.some(
      (name) => name.startsWith(wanted) || name.split(' ').some((w) => w.startsWith(wanted)),
    )
  ) {
    return 2;
  }
  return 1;
}

export interface SearchResult {
  entity: EntityModel;
  score: number;
}

export async function search(
  db: Database,
  documents: DocumentSink,
  text: string,
  kinds: EntityKind[] | null,
  first: number,
): Promise<SearchResult[]> {
  const terms = searchTerms(text);
  if (terms.length === 0) return [];
  const rows = await db.read<{
    entity: Record<string, unknown>;
    score: number;
    documents: Record<string, unknown>[];
  }>('search', {
    query: buildLuceneQuery(terms),
    kinds,
    candidates: Math.max(50, first * 5),
  });
  documents.remember(rows.flatMap((row) => row.documents));
  const best = Math.max(...rows.map((r) => r.score), 0);
  const wanted = squash(text);
  return rows
    .map((row) => {
      const entity = toEntity(row.entity);
      // The band says what kind of match it is; Lucene's relevance orders within the band.
      const band = bandOf(wanted, [entity.name, ...entity.aliases]);
      return { entity, score: band + (best > 0 ? row.score / best : 0) * 0.999 };
    })
    .sort((a, b) => b.score - a.score || a.entity.id.localeCompare(b.entity.id))
    .slice(0, first);
}
