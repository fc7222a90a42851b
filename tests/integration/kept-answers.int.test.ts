import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OVERVIEW_QUERY } from '../../client/src/api';
import { TIMELINE_REQUEST } from '../../client/src/views/timeline';
import { Database } from '../../server/db/database';
import { warmUp } from '../../server/warm-up';
import { loadGraphFile } from '../../seed/load';
import { generateFile } from '../support/import-runs';
import { type OwnGraph, startOwnGraph } from '../support/own-graph';

// What the explorer's first screen asks for (client/src/views/timeline.ts, api.ts).
const TIMELINE = `query T($first: Int, $from: Date) { timeline(first: $first, from: $from) {
  date title entity { id } relation { id } } }`;
const OVERVIEW = '{ overview { totalEntities entities { id } } }';

type Timeline = { timeline: { date: string; title: string }[] };
type Overview = { overview: { totalEntities: number; entities: { id: string }[] } };

describe('answers kept per loaded graph (the first screen)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-kept-'));
  const first = path.join(dir, 'first.json');
  const second = path.join(dir, 'second.json');
  let graph: OwnGraph;
  beforeAll(async () => {
    await generateFile(first, 300, 900, 1);
    await generateFile(second, 400, 1200, 2);
    graph = await startOwnGraph(first);
  }, 180_000);
  afterAll(async () => {
    await graph?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The answer, and the statements it cost (by name: the real reads, only watched). */
  const ask = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const read = jest.spyOn(Database.prototype, 'read');
    try {
      const { body } = await graph.graphql<T>(query, variables);
      expect(body.errors).toBeUndefined();
      return { data: body.data!, statements: read.mock.calls.map(([name]) => name) };
    } finally {
      read.mockRestore();
    }
  };
  // `from` far in the past lists the same entries, read again rather than kept.
  const readAgain = () => ask<Timeline>(TIMELINE, { first: 100, from: '0001' });

  it('answers the whole-graph timeline again without reading it, and a load replaces it', async () => {
    const once = await ask<Timeline>(TIMELINE, { first: 100 });
    expect(once.data.timeline.length).toBeGreaterThan(20);
    expect(once.statements).toContain('timeline');
    const again = await ask<Timeline>(TIMELINE, { first: 100 });
    expect(again.data).toEqual(once.data);
    // Only the graph's meta node is read, to know the graph is still the same.
    expect(again.statements).toEqual(['stats']);
    expect((await readAgain()).data).toEqual(once.data);

    await loadGraphFile(graph.db, second);
    const after = await ask<Timeline>(TIMELINE, { first: 100 });
    expect(after.statements).toContain('timeline');
    expect(after.data).not.toEqual(once.data);
    expect(after.data).toEqual((await readAgain()).data);
  }, 120_000);

  it("has the explorer's first screen ready after the start's warm-up, which has its own connection", async () => {
    await loadGraphFile(graph.db, first);
    const env = graph.childEnv();
    await warmUp({
      uri: env.NEO4J_URI!,
      username: 'neo4j',
      password: env.NEO4J_PASSWORD!,
      database: 'neo4j',
    });
    // The very requests the explorer sends first (client/src/boot.ts): the graph's meta only.
    const overview = await ask<Overview>(OVERVIEW_QUERY);
    expect(overview.data.overview.totalEntities).toBe(300);
    expect(overview.statements).toEqual(['stats']);
    const timeline = await ask<Timeline>(TIMELINE_REQUEST.query, TIMELINE_REQUEST.variables);
    expect(timeline.data.timeline.length).toBeGreaterThan(20);
    expect(timeline.statements).toEqual(['stats']);
  }, 120_000);

  it('shows the overview of the graph loaded last', async () => {
    await loadGraphFile(graph.db, first);
    const before = await ask<Overview>(OVERVIEW);
    expect(before.data.overview.totalEntities).toBe(300);
    expect((await ask<Overview>(OVERVIEW)).statements).toEqual(['stats']);
    await loadGraphFile(graph.db, second);
    expect((await ask<Overview>(OVERVIEW)).data.overview.totalEntities).toBe(400);
  }, 120_000);
});
