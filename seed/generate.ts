import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { GraphDocument, GraphEntity, GraphRelation } from './types';

/**
 * A synthetic graph file shaped like a real one at any size: power-law degrees (ends drawn
 * from a Zipf law over a shuffled ranking, so a few entities become big hubs), the seed
 * ontology's kinds and relationship types (a type is chosen among those the ontology allows
 * between the two kinds), aliases on some entities, dates on about 30% at mixed precision
 * (year, month or day), and sources that cite one generated document. The same options give
 * the same file byte for byte. Written as a stream, item by item.
 */
export interface GenerateOptions {
  entities: number;
  relations: number;
  seed?: number;
}

interface Ontology {
  kinds: { kind: string }[];
  relationTypes: { type: string; from: string[]; to: string[] }[];
}

const ONTOLOGY_FILE = path.join(__dirname, 'ontology.json');
const DOCUMENT: GraphDocument = {
  id: 'synthetic-corpus',
  title: 'Synthetic corpus for load tests',
  publisher: 'tracegraph generate',
};
/** Exponent of the Zipf law for relation ends: ~1 gives a few hubs with thousands of relations. */
const ZIPF_EXPONENT = 0.85;
/** Share of ends drawn uniformly, so that the long tail is connected too. */
const UNIFORM_SHARE = 0.3;
const CHUNK_BYTES = 1 << 16;

/** mulberry32: small, fast and good enough for test data; deterministic by seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka to ri mo sa ne lu vi da ho ru mi te zo an el or us ba ki'.split(' ');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export async function generateGraph(options: GenerateOptions, out: Writable): Promise<void> {
  const { entities: n, relations: m } = options;
  if (!Number.isInteger(n) || n < 2) throw new Error('--entities must be an integer >= 2');
  if (!Number.isInteger(m) || m < 0) throw new Error('--relations must be an integer >= 0');
  const rand = random(options.seed ?? 1);
  const int = (below: number) => Math.floor(rand() * below);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const ontology = JSON.parse(fs.readFileSync(ONTOLOGY_FILE, 'utf8')) as Ontology;
  const kinds = ontology.kinds.map((k) => k.kind);

  let buffer = '';
  const write = async (text: string) => {
    buffer += text;
    if (buffer.length < CHUNK_BYTES) return;
    const chunk = buffer;
    buffer = '';
    if (!out.write(chunk)) await once(out, 'drain');
  };

  const word = () => {
    const s = pick(SYLLABLES) + pick(SYLLABLES) + (rand() < 0.5 ? pick(SYLLABLES) : '');
    return s[0]!.toUpperCase() + s.slice(1);
  };
  const cite = () => [{ document: DOCUMENT.id, paragraphs: [1 + int(400)] }];
  const date = (fromYear: number) => {
    const year = fromYear + int(2025 - fromYear + 1);
    const precision = rand();
    if (precision < 0.4) return String(year);
    const month = 1 + int(12);
    if (precision < 0.7) return `${year}-${pad(month, 2)}`;
    return `${year}-${pad(month, 2)}-${pad(1 + int(28), 2)}`;
  };
  const dates = (): Pick<GraphEntity, 'start' | 'end'> => {
    if (rand() >= 0.3) return {};
    const start = date(1900);
    if (rand() < 0.3) return { start, end: String(Number(start.slice(0, 4)) + 1 + int(20)) };
    return { start };
  };

  await write(`{"documents":[${JSON.stringify(DOCUMENT)}],\n"entities":[\n`);
  const kindOf = new Uint8Array(n);
  const ids: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const k = int(kinds.length);
    kindOf[i] = k;
    const kind = kinds[k]!;
    ids[i] = `${kind.toLowerCase()}-${pad(i, 6)}`;
    const name = `${word()} ${word()} ${i}`;
    const entity: GraphEntity = {
      id: ids[i]!,
      name,
      kind: kind as GraphEntity['kind'],
      ...(rand() < 0.2 ? { aliases: [word(), `${name.split(' ')[0]} ${word()}`] } : {}),
      ...(rand() < 0.5 ? { summary: `A generated ${kind.toLowerCase()} for load tests.` } : {}),
      ...dates(),
      sources: cite(),
    };
    await write(`${i === 0 ? '' : ',\n'}${JSON.stringify(entity)}`);
  }

  // Zipf weights over a shuffled ranking: rank r has weight 1 / (r + 1)^s.
  const rankToEntity = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = int(i + 1);
    [rankToEntity[i], rankToEntity[j]] = [rankToEntity[j]!, rankToEntity[i]!];
  }
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cumulative[r] = total += 1 / Math.pow(r + 1, ZIPF_EXPONENT);
  const end = () => {
    if (rand() < UNIFORM_SHARE) return int(n);
    const target = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return rankToEntity[lo]!;
  };
  // Types the ontology allows from one kind to another, and from a kind to anything.
  const allowed = kinds.map((from) =>
    kinds.map((to) =>
      ontology.relationTypes.filter((t) => t.from.includes(from) && t.to.includes(to)),
    ),
  );
  const fromKind = kinds.map((from) => ontology.relationTypes.filter((t) => t.from.includes(from)));

  await write('],\n"relations":[\n');
  for (let i = 0; i < m; i++) {
    let source = end();
    let target = end();
    let types = allowed[kindOf[source]!]![kindOf[target]!]!;
    for (let tries = 0; (types.length === 0 || source === target) && tries < 20; tries++) {
      if (fromKind[kindOf[source]!]!.length === 0) source = end();
      target = end();
      types = allowed[kindOf[source]!]![kindOf[target]!]!;
    }
    if (types.length === 0) types = fromKind[kindOf[source]!]!;
    if (types.length === 0 || source === target) types = ontology.relationTypes;
    const relation: GraphRelation = {
      id: `r-${pad(i, 7)}`,
      type: pick(types).type,
      source: ids[source]!,
      target: ids[target]!,
      ...(rand() < 0.2 ? { summary: 'A generated relation.' } : {}),
      ...dates(),
      ...(rand() < 0.05 ? { value: 1 + int(10_000), unit: 'USD' } : {}),
      sources: cite(),
    };
    await write(`${i === 0 ? '' : ',\n'}${JSON.stringify(relation)}`);
  }
  await write(']}\n');
  out.write(buffer);
}
