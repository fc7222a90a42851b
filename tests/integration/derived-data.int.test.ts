import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../server/db/database';
import { DEFAULT_GRAPH_FILE } from '../../seed/load';
import type { GraphFile } from '../../seed/types';
import { testDatabase } from '../support/test-server';

const ONTOLOGY_FILE = path.join(path.dirname(DEFAULT_GRAPH_FILE), 'ontology.json');

/** The derived data of CONTRACT-derived.md, checked against the graph the suite loaded. */
describe('derived data written with the graph', () => {
  let db: Database;
  const bytes = fs.readFileSync(DEFAULT_GRAPH_FILE);
  const seed = JSON.parse(bytes.toString('utf8')) as GraphFile;

  beforeAll(() => {
    db = testDatabase({ timeoutMs: 30_000 });
  });
  afterAll(() => db.close());

  it('gives every entity its degree: relations at either end, a self-loop once', async () => {
    const rows = await db.runText<{ id: string; degree: number; counted: number }>(
      'READ',
      `MATCH (n:Entity)
       RETURN n.id AS id, n.degree AS degree,
              COUNT { MATCH (n)-[r]-() RETURN DISTINCT r } AS counted`,
    );
    expect(rows).toHaveLength(seed.entities.length);
    expect(rows.filter((r) => r.degree !== r.counted)).toEqual([]);
    const fromFile = new Map<string, number>();
    for (const r of seed.relations) {
      for (const id of new Set([r.source, r.target])) fromFile.set(id, (fromFile.get(id) ?? 0) + 1);
    }
    const japan = rows.find((r) => r.id === 'japan');
    expect(japan?.degree).toBe(fromFile.get('japan'));
  });

  it('keeps one GraphMeta with the counts, kinds, types, hub degree and file hash', async () => {
    const metas = await db.runText<{ m: Record<string, unknown> }>(
      'READ',
      'MATCH (m:GraphMeta) RETURN properties(m) AS m',
    );
    expect(metas).toHaveLength(1);
    const meta = metas[0]!.m;
    expect(meta).toMatchObject({
      id: 'current',
      entities: seed.entities.length,
      relations: seed.relations.length,
      documents: seed.documents.length,
      fileHash: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(new Date(meta.loadedAt as string).toISOString()).toBe(meta.loadedAt);

    const kinds = JSON.parse(meta.byKind as string) as { kind: string; count: number }[];
    const counted = await db.runText<{ kind: string; count: number }>(
      'READ',
      'MATCH (n:Entity) RETURN n.kind AS kind, count(*) AS count ORDER BY count DESC, kind',
    );
    expect(kinds).toEqual(counted);

    const types = JSON.parse(meta.byRelationType as string) as {
      type: string;
      count: number;
      label: string;
      inverseLabel: string;
    }[];
    const typeCounts = await db.runText<{ type: string; count: number }>(
      'READ',
      'MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS type, count(*) AS count ORDER BY count DESC, type',
    );
    expect(types.map(({ type, count }) => ({ type, count }))).toEqual(typeCounts);
    const ontology = JSON.parse(fs.readFileSync(ONTOLOGY_FILE, 'utf8')) as {
      relationTypes: { type: string; label: string; inverseLabel: string }[];
    };
    const concerns = ontology.relationTypes.find((t) => t.type === 'CONCERNS')!;
    expect(types.find((t) => t.type === 'CONCERNS')).toMatchObject({
      label: concerns.label,
      inverseLabel: concerns.inverseLabel,
    });

    const degrees = (
      await db.runText<{ d: number }>('READ', 'MATCH (n:Entity) RETURN n.degree AS d')
    )
      .map((r) => r.d)
      .sort((a, b) => b - a);
    const top = degrees[Math.max(1, Math.floor(degrees.length / 100)) - 1]!;
    expect(meta.hubDegree).toBe(Math.max(10, top));
  });

  it('keeps one DatedRelation per relation that has a start date', async () => {
    const dated = seed.relations.filter((r) => r.start !== undefined);
    const rows = await db.runText<{ d: Record<string, unknown> }>(
      'READ',
      'MATCH (d:DatedRelation) RETURN properties(d) AS d ORDER BY d.relationId',
    );
    expect(rows).toHaveLength(dated.length);
    const sample = dated[0]!;
    expect(rows.map((r) => r.d)).toContainEqual(
      expect.objectContaining({
        relationId: sample.id,
        type: sample.type,
        source: sample.source,
        target: sample.target,
        date: sample.start,
      }),
    );
    for (const { d } of rows) expect(d.dateMin! <= d.dateMax!).toBe(true);
  });

  it('has the indexes the read side orders by, and relation ids indexed per type', async () => {
    const indexes = await db.runText<{ name: string; state: string }>(
      'READ',
      'SHOW INDEXES YIELD name, state RETURN name, state',
    );
    const names = indexes.map((i) => i.name);
    expect(names).toEqual(
      expect.arrayContaining(['entity_degree', 'entity_start_min', 'dated_relation_min']),
    );
    for (const type of new Set(seed.relations.map((r) => r.type))) {
      expect(names).toContain(`relation_id_${type.toLowerCase()}`);
    }
    expect(indexes.filter((i) => i.state !== 'ONLINE')).toEqual([]);
  });
});
