import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { hubDegree } from '../../seed/derived';
import { generateGraph } from '../../seed/generate';
import { JsonSyntaxError, readJsonItems } from '../../seed/json-items';
import { checkGraph, jsonSource } from '../../seed/load';
import { csvSinks } from '../../seed/store-import';
import { validateGraph } from '../../seed/validate';

async function generated(entities: number, relations: number, seed: number): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await generateGraph({ entities, relations, seed }, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

describe('the streaming reader of graph files', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-items-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function read(text: string, chunkBytes: number) {
    const file = path.join(dir, 'graph.json');
    fs.writeFileSync(file, text);
    const seen: unknown[] = [];
    for await (const items of readJsonItems(file, undefined, chunkBytes)) {
      for (const item of items) {
        if (item.kind !== 'item') seen.push(item);
        else {
          const value: unknown = item.text === undefined ? item.value : JSON.parse(item.text);
          seen.push([item.section, item.index, value]);
        }
      }
    }
    return seen;
  }

  /** The items as the reader hands them out: parsed, or as text when they did not parse. */
  async function readItems(text: string, chunkBytes: number) {
    const file = path.join(dir, 'items.json');
    fs.writeFileSync(file, text);
    const items: { index: number; value?: unknown; text?: string }[] = [];
    for await (const group of readJsonItems(file, undefined, chunkBytes)) {
      for (const item of group) if (item.kind === 'item') items.push(item);
    }
    return items;
  }

  it('hands out the same items as JSON.parse, whatever the chunk boundaries', async () => {
    const graph = {
      documents: [
        { id: 'd', title: 'Brackets ] } [ { and "quotes" \\ in strings' },
        { id: 'e', title: 'ends in a backslash \\', publisher: '\\\\"\\"', url: '\\\\' },
      ],
      entities: [{ id: 'a', aliases: ['x]', 'y}'], nested: { deep: [[1], [2, { z: '"' }]] } }],
      other: 42,
      relations: [],
    };
    const text = JSON.stringify(graph, null, 2);
    const whole = await read(text, 1 << 20);
    expect(whole).toEqual([
      { kind: 'section-start', section: 'documents' },
      ['documents', 0, graph.documents[0]],
      ['documents', 1, graph.documents[1]],
      { kind: 'section-end', section: 'documents', count: 2 },
      { kind: 'section-start', section: 'entities' },
      ['entities', 0, graph.entities[0]],
      { kind: 'section-end', section: 'entities', count: 1 },
      { kind: 'not-array', section: 'other' },
      { kind: 'section-start', section: 'relations' },
      { kind: 'section-end', section: 'relations', count: 0 },
    ]);
    for (const size of [1, 2, 3, 7, 64]) expect(await read(text, size)).toEqual(whole);
  });

  /** The items JSON.parse finds in a file, in the reader's shape. */
  function expected(graph: Record<string, unknown[]>) {
    return Object.entries(graph).flatMap(([section, items]) => [
      { kind: 'section-start', section },
      ...items.map((value, index) => [section, index, value]),
      { kind: 'section-end', section, count: items.length },
    ]);
  }

  it('reads a file of one item a line, parsed a chunk at a time, as JSON.parse does', async () => {
    const text = await generated(300, 3_000, 5);
    const whole = expected(JSON.parse(text) as Record<string, unknown[]>);
    for (const size of [1 << 20, 65_536, 4_096, 333]) expect(await read(text, size)).toEqual(whole);
  });

  it('is not misled by objects inside items, or by strings that look like item ends', async () => {
    const sources = [
      { document: 'd', paragraphs: [1] },
      { document: 'd', paragraphs: [2] },
    ];
    const entities = Array.from({ length: 400 }, (_, i) => ({
      id: `e${i}`,
      name: i % 3 === 0 ? `ends like an item }, {"id": "x${i}"}, ` : `E ${i}`,
      summary: i % 5 === 0 ? 'a quote and a brace \\"}, {' : undefined,
      sources,
      nested: { a: [{ b: '},' }, { c: {} }] },
    }));
    const graph = { documents: [{ id: 'd', title: 'D' }], entities, relations: [] };
    const lines = (items: unknown[]) => items.map((item) => JSON.stringify(item)).join(',\n');
    const text = `{"documents":[${lines(graph.documents)}],\n"entities":[\n${lines(entities)}],"relations":[]}`;
    const whole = expected(JSON.parse(text) as Record<string, unknown[]>);
    for (const size of [1 << 20, 4_096, 1_000, 97]) expect(await read(text, size)).toEqual(whole);
  });

  it('hands out a malformed item as its text, the items around it parsed, in any chunking', async () => {
    const good = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `e${i}`, n: i }));
    good[120] = '{"id": "bad", "n": 1,}';
    const text = `{"entities":[${good.join(',\n')}]}`;
    for (const size of [1 << 20, 2_048, 300]) {
      const seen = await readItems(text, size);
      expect(seen).toHaveLength(200);
      seen.forEach((item, i) => {
        expect(item.index).toBe(i);
        if (i === 120) expect(item.text).toBe('{"id": "bad", "n": 1,}');
        // Items parsed together with it come as text too: each parses on its own.
        else expect(item.value ?? JSON.parse(item.text!)).toEqual({ id: `e${i}`, n: i });
      });
    }
  });

  it('refuses a file that is cut short or is not one object', async () => {
    await expect(read('{"entities": [{"id": "a"}', 4)).rejects.toThrow(JsonSyntaxError);
    await expect(read('[1, 2]', 4)).rejects.toThrow(/must be one object/);
  });
});

describe('npm run generate', () => {
  it('writes the same valid graph for the same seed, with hubs', async () => {
    const text = await generated(500, 4_000, 3);
    expect(await generated(500, 4_000, 3)).toBe(text);
    expect(await generated(500, 4_000, 4)).not.toBe(text);
    const graph = JSON.parse(text) as {
      entities: { aliases?: string[]; start?: string }[];
      relations: { source: string; target: string; start?: string }[];
    };
    expect(validateGraph(graph)).toEqual([]);
    expect(graph.entities).toHaveLength(500);
    expect(graph.relations).toHaveLength(4_000);
    const degree = new Map<string, number>();
    for (const r of graph.relations) {
      for (const id of new Set([r.source, r.target])) degree.set(id, (degree.get(id) ?? 0) + 1);
    }
    const sorted = [...degree.values()].sort((a, b) => b - a);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(sorted[0]!).toBeGreaterThan(10 * median);
    const dated = graph.relations.filter((r) => r.start !== undefined).length / 4_000;
    expect(dated).toBeGreaterThan(0.2);
    expect(dated).toBeLessThan(0.4);
    expect(graph.entities.some((e) => e.aliases)).toBe(true);
  });
});

describe('the hub threshold', () => {
  it('is the smallest degree of the top 1%, never below 10', () => {
    expect(hubDegree([])).toBe(10);
    expect(hubDegree([3, 2, 1])).toBe(10);
    const degrees = Array.from({ length: 1_000 }, (_, i) => i);
    expect(hubDegree(degrees)).toBe(990);
  });
});

describe("the offline import's CSVs", () => {
  it('give relation ends the integer ids of their entities, whatever order the sections come in', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-csv-ids-'));
    const sources = [{ document: 'd', paragraphs: [1] }];
    const entity = (id: string) => ({ id, name: id.toUpperCase(), kind: 'PERSON', sources });
    const relation = (id: string, source: string, target: string) => ({
      id,
      type: 'MET_WITH',
      source,
      target,
      sources,
    });
    // Relations first: their ends are numbered before the entities are read.
    const file = path.join(dir, 'graph.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        relations: [relation('r1', 'c', 'a'), relation('r2', 'a', 'a'), relation('r3', 'b', 'c')],
        entities: [entity('a'), entity('b'), entity('c')],
        documents: [{ id: 'd', title: 'D' }],
      }),
    );
    const graph = await checkGraph(jsonSource(file), undefined, csvSinks);
    try {
      graph.sinks.entities.fillDegrees((n) => graph.derived.degreeOf(n));
      const read = (name: string) =>
        parse(fs.readFileSync(path.join(graph.dir, name)), { columns: true }) as Record<
          string,
          string
        >[];
      const entities = read('entities.csv');
      const idOf = new Map(entities.map((e) => [e[':ID(Entity)'], e.id]));
      expect(idOf.size).toBe(3);
      const ends = read('relations.csv').map((r) => [
        r.id,
        idOf.get(r[':START_ID(Entity)']!),
        idOf.get(r[':END_ID(Entity)']!),
      ]);
      expect(ends).toEqual([
        ['r1', 'c', 'a'],
        ['r2', 'a', 'a'],
        ['r3', 'b', 'c'],
      ]);
      const degrees = Object.fromEntries(entities.map((e) => [e.id, Number(e['degree:long'])]));
      expect(degrees).toEqual({ a: 2, b: 1, c: 2 });
    } finally {
      graph.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
