import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../server/db/database';
import { csvSource } from '../../seed/csv';
import { exportCsv, exportJson } from '../../seed/export';
import { GraphFileError, loadGraph, loadGraphFile } from '../../seed/load';
import { exited, generateFile, killWhen, runImport } from '../support/import-runs';
import { type PrivateNeo4j, startPrivateNeo4j } from '../support/local-database';
import { serveApp } from '../support/test-server';

/** What a user of the graph sees: counts, the derived data and what is not live. */
async function snapshot(db: Database) {
  const [row] = await db.runText<Record<string, unknown>>(
    'READ',
    `MATCH (m:GraphMeta)
     RETURN m.fileHash AS fileHash, m.loadedAt AS loadedAt,
            COUNT { (:Entity) } AS entities,
            COUNT { (:Entity)-[]->(:Entity) } AS relations,
            COUNT { (:DatedRelation) } AS dated,
            COUNT { (:Document) } AS documents,
            COUNT { (n) WHERE n:Staged OR n:Retired } AS notLive,
            COUNT { (:GraphMeta) } AS metas`,
  );
  return row!;
}

/** The whole live graph, every stored property, in a stable order. */
async function dump(db: Database) {
  return db.runText(
    'READ',
    `CALL () {
       MATCH (n:Entity) WITH n ORDER BY n.id RETURN collect(properties(n)) AS entities
     }
     CALL () {
       MATCH (a:Entity)-[r]->(b:Entity) WITH a, r, b ORDER BY r.id
       RETURN collect([a.id, type(r), b.id, properties(r)]) AS relations
     }
     CALL () {
       MATCH (d:DatedRelation) WITH d ORDER BY d.relationId
       RETURN collect(properties(d)) AS dated
     }
     MATCH (m:GraphMeta)
     RETURN entities, relations, dated, m.byKind AS byKind, m.byRelationType AS byRelationType,
            m.hubDegree AS hubDegree, m.entities AS e, m.relations AS r, m.documents AS d`,
  );
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The transactional import (NEO4J_URI is set) in small batches, to be caught halfway. */
const runBatched = (file: string, env: NodeJS.ProcessEnv) =>
  runImport(file, { ...env, TRACEGRAPH_IMPORT_BATCH: '500' });

describe('importing a generated graph into its own Neo4j', () => {
  let neo4j: PrivateNeo4j;
  let dir: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-import-test-'));
    first = path.join(dir, 'first.json');
    second = path.join(dir, 'second.json');
    await generateFile(first, 600, 3_000, 1);
    await generateFile(second, 800, 5_000, 2);
    neo4j = await startPrivateNeo4j();
  }, 360_000);
  afterAll(async () => {
    await neo4j?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads a few thousand relations with their derived data', async () => {
    const result = await loadGraphFile(neo4j.db, first);
    expect(result).toMatchObject({ entities: 600, relations: 3_000, unchanged: false });
    const graph = JSON.parse(fs.readFileSync(first, 'utf8')) as {
      relations: { start?: string }[];
    };
    expect(await snapshot(neo4j.db)).toMatchObject({
      fileHash: sha256(first),
      entities: 600,
      relations: 3_000,
      dated: graph.relations.filter((r) => r.start !== undefined).length,
      documents: 1,
      notLive: 0,
      metas: 1,
    });
    const [ids] = await neo4j.db.runText<{ distinct: number }>(
      'READ',
      'MATCH (:Entity)-[r]->(:Entity) RETURN count(DISTINCT r.id) AS distinct',
    );
    expect(ids?.distinct).toBe(3_000);
  }, 300_000);

  it('a second import of the same file changes nothing', async () => {
    const before = await snapshot(neo4j.db);
    const result = await loadGraphFile(neo4j.db, first);
    expect(result.unchanged).toBe(true);
    expect(await snapshot(neo4j.db)).toEqual(before);
  }, 300_000);

  it('killed with kill -9 halfway, leaves the old graph whole; the next import cleans up', async () => {
    const before = await snapshot(neo4j.db);
    const child = runBatched(second, neo4j.env);
    const exit = exited(child);
    await killWhen(child, /Writing relations: [5-9]\d%/, 'halfway');
    await exit;
    const after = await snapshot(neo4j.db);
    // The live graph is the old one, whole; the half-written generation is there, unseen.
    expect({ ...after, notLive: 0 }).toEqual({ ...before, notLive: 0 });
    expect(after.notLive).toBeGreaterThan(0);
    const [hub] = await neo4j.db.runText<{ relations: number }>(
      'READ',
      `MATCH (n:Entity) WITH n ORDER BY n.degree DESC LIMIT 1
       RETURN COUNT { (n)-[]-(:Entity) } AS relations, n.degree AS degree`,
    );
    expect(hub?.relations).toBeGreaterThan(0);

    const again = runBatched(second, neo4j.env);
    expect(await exited(again)).toBe(0);
    expect(again.output()).toMatch(/Removed \d+ nodes left by an interrupted import/);
    expect(await snapshot(neo4j.db)).toMatchObject({
      fileHash: sha256(second),
      entities: 800,
      relations: 5_000,
      notLive: 0,
      metas: 1,
    });
  }, 600_000);

  it('lists every problem of an invalid file, a bad date among shape errors, and writes nothing', async () => {
    const graph = JSON.parse(fs.readFileSync(first, 'utf8')) as Record<string, unknown[]>;
    const entities = graph.entities as Record<string, unknown>[];
    const relations = graph.relations as Record<string, unknown>[];
    entities[3]!.kind = 'SPACESHIP';
    entities[5]!.colour = 'red';
    entities[7]!.start = '2015-02-30';
    relations[9]!.target = 'nowhere';
    relations[11]!.id = relations[10]!.id;
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify(graph));
    const before = await snapshot(neo4j.db);
    const error = await loadGraphFile(neo4j.db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphFileError);
    expect((error as GraphFileError).problems.map((p) => p.path)).toEqual([
      '$.entities[3].kind',
      '$.entities[5].colour',
      '$.entities[7].start',
      '$.relations[9].target',
      '$.relations[11].id',
    ]);
    expect(await snapshot(neo4j.db)).toEqual(before);
  });

  it('refuses an invalid file before it starts Neo4j or writes a schema', async () => {
    const bad = path.join(dir, 'bad-date.json');
    const graph = JSON.parse(fs.readFileSync(first, 'utf8')) as {
      entities: Record<string, unknown>[];
    };
    graph.entities[2]!.start = '1999-13';
    graph.entities[4]!.name = '';
    fs.writeFileSync(bad, JSON.stringify(graph));
    const dataDir = path.join(dir, 'never-started');
    const env: NodeJS.ProcessEnv = { ...process.env, TRACEGRAPH_DATA_DIR: dataDir };
    delete env.NEO4J_URI;
    const child = runImport(bad, env);
    expect(await exited(child)).toBe(1);
    expect(child.output()).toContain('$.entities[2].start');
    expect(child.output()).toContain('$.entities[4].name');
    expect(child.output()).not.toContain('Starting the local Neo4j');
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 120_000);

  it('exports the graph as JSON and as neo4j-admin CSVs; importing either gives the same graph', async () => {
    const before = await dump(neo4j.db);
    const json = path.join(dir, 'export.json');
    const csv = path.join(dir, 'csv');
    const live = await snapshot(neo4j.db);
    expect(await exportJson(neo4j.db, json)).toEqual({
      documents: live.documents,
      entities: live.entities,
      relations: live.relations,
    });
    await exportCsv(neo4j.db, csv);
    expect(fs.readdirSync(csv).sort()).toEqual(['documents.csv', 'nodes.csv', 'relationships.csv']);
    expect(fs.readFileSync(path.join(csv, 'relationships.csv'), 'utf8')).toMatch(
      /^:START_ID,:END_ID,:TYPE,id,/,
    );

    expect(await loadGraph(neo4j.db, await csvSource([csv]))).toMatchObject({ unchanged: false });
    expect(await dump(neo4j.db)).toEqual(before);
    expect(await loadGraphFile(neo4j.db, json)).toMatchObject({ unchanged: false });
    expect(await dump(neo4j.db)).toEqual(before);
  }, 600_000);

  it('reads CSVs written for neo4j-admin by hand: kinds from labels, typed and array columns', async () => {
    const csv = path.join(dir, 'by-hand');
    fs.mkdirSync(csv);
    fs.writeFileSync(
      path.join(csv, 'people.csv'),
      'id:ID,name,aliases:string[],:LABEL\nada,Ada Lovelace,Countess of Lovelace;Ada,Person\n' +
        'royal-society,Royal Society,,Organization\n',
    );
    fs.writeFileSync(
      path.join(csv, 'links.csv'),
      ':START_ID,:END_ID,:TYPE,value:float\nada,royal-society,MEMBER_OF,1.5\n',
    );
    const result = await loadGraph(neo4j.db, await csvSource([csv]));
    expect(result).toMatchObject({ documents: 1, entities: 2, relations: 1 });
    const [ada] = await neo4j.db.runText<Record<string, unknown>>(
      'READ',
      `MATCH (a:Entity {id: 'ada'})-[r:MEMBER_OF]->(o:Entity)
       RETURN a.kind AS kind, a.aliases AS aliases, o.kind AS other, r.value AS value`,
    );
    expect(ada).toEqual({
      kind: 'PERSON',
      aliases: ['Countess of Lovelace', 'Ada'],
      other: 'ORGANIZATION',
      value: 1.5,
    });

    fs.writeFileSync(
      path.join(csv, 'links.csv'),
      ':START_ID,:END_ID,:TYPE\nada,nobody,MEMBER_OF\n',
    );
    const error = await loadGraph(neo4j.db, await csvSource([csv])).catch((e: unknown) => e);
    expect((error as GraphFileError).problems).toEqual([
      { path: 'links.csv line 2.target', message: 'no entity "nobody"' },
    ]);
  }, 300_000);
  it("stores a relation's phrases only where they are its own; the API and exports give them all", async () => {
    const file = path.join(dir, 'phrases.json');
    const cite = [{ document: 'doc', paragraphs: [1] }];
    fs.writeFileSync(
      file,
      JSON.stringify({
        documents: [{ id: 'doc', title: 'A document' }],
        entities: [
          { id: 'ada', name: 'Ada', kind: 'PERSON', sources: cite },
          { id: 'club', name: 'The Club', kind: 'ORGANIZATION', sources: cite },
        ],
        relations: [
          // Its own phrases; the type's, given again; none, of a type the ontology lacks.
          {
            id: 'own',
            type: 'SIGNED',
            source: 'ada',
            target: 'club',
            label: 'put her name to',
            inverseLabel: 'bears the name of',
            start: '2001',
            sources: cite,
          },
          {
            id: 'typed',
            type: 'SIGNED',
            source: 'club',
            target: 'ada',
            label: 'signed',
            start: '2002',
            sources: cite,
          },
          { id: 'unknown', type: 'CHAIRS_NOW', source: 'ada', target: 'club', sources: cite },
        ],
      }),
    );
    await loadGraphFile(neo4j.db, file);
    expect(
      await neo4j.db.runText(
        'READ',
        `MATCH (:Entity)-[r]->(:Entity)
         RETURN r.id AS id, r.label AS label, r.inverseLabel AS inverseLabel ORDER BY id`,
      ),
    ).toEqual([
      { id: 'own', label: 'put her name to', inverseLabel: 'bears the name of' },
      { id: 'typed', label: null, inverseLabel: null },
      { id: 'unknown', label: null, inverseLabel: null },
    ]);

    const words = {
      own: ['put her name to', 'bears the name of'],
      typed: ['signed', 'was signed by'],
      unknown: ['chairs now', 'is the object of "chairs now" by'],
    };
    const server = await serveApp(
      Database.connect({
        uri: neo4j.env.NEO4J_URI!,
        username: 'neo4j',
        password: neo4j.env.NEO4J_PASSWORD,
        database: 'neo4j',
      }),
    );
    try {
      const { body } = await server.graphql<{
        entity: { relations: { id: keyof typeof words; label: string }[] };
        timeline: { title: string }[];
      }>(
        `{ entity(id: "ada") { relations { id label } }
           timeline(entityId: "ada") { title } }`,
      );
      expect(body.errors).toBeUndefined();
      const relations = [...body.data!.entity.relations].sort((a, b) => a.id.localeCompare(b.id));
      expect(relations).toEqual(Object.entries(words).map(([id, [label]]) => ({ id, label })));
      // The timeline's titles are made from the same phrases.
      expect(body.data!.timeline.map((t) => t.title)).toEqual([
        'Ada put her name to The Club',
        'The Club signed Ada',
      ]);
    } finally {
      await server.stop();
    }

    const exported = path.join(dir, 'phrases-export.json');
    await exportJson(neo4j.db, exported);
    const back = JSON.parse(fs.readFileSync(exported, 'utf8')) as {
      relations: { id: keyof typeof words; label: string; inverseLabel: string }[];
    };
    expect(
      Object.fromEntries(back.relations.map((r) => [r.id, [r.label, r.inverseLabel]])),
    ).toEqual(words);
  }, 300_000);
});
