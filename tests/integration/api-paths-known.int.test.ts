import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startOwnGraph, type OwnGraph } from '../support/own-graph';

const run = promisify(execFile);
const FIXTURES = path.join(__dirname, '..', 'fixtures');
const GRAPH = path.join(FIXTURES, 'trace-graph.json');
const TEXT = path.join(FIXTURES, 'harbour-chronicle.txt');
const ROOT = path.join(__dirname, '..', '..');

const SEARCH = `query S($from: ID!, $to: ID!, $maxLength: Int, $avoid: [ID!], $avoidHubs: Boolean,
  $chronological: Boolean, $asOf: Date) {
  pathSearch(from: $from, to: $to, maxLength: $maxLength, avoid: $avoid, avoidHubs: $avoidHubs,
    chronological: $chronological, asOf: $asOf, first: 10) {
    hubDegree onlyThroughHubs blockedBy unlimitedLength explanation
    routeHubs { id } absentEnds { id }
    nearest { entity { id } stepsFromSource stepsToTarget }
    paths { cost narrative steps entities { id degree } hubs { id }
      hops { sentence date forward relation { id } } }
  } }`;

interface Search {
  hubDegree: number;
  onlyThroughHubs: boolean;
  blockedBy: string[];
  unlimitedLength: number | null;
  explanation: string | null;
  routeHubs: { id: string }[];
  absentEnds: { id: string }[];
  nearest: { entity: { id: string }; stepsFromSource: number; stepsToTarget: number }[];
  paths: {
    cost: number;
    narrative: string;
    steps: string[];
    entities: { id: string; degree: number }[];
    hubs: { id: string }[];
    hops: { sentence: string; date: string | null; forward: boolean; relation: { id: string } }[];
  }[];
}

const ids = (p: Search['paths'][number]) => p.entities.map((e) => e.id);

/**
 * A small graph of our own (tests/fixtures/trace-graph.json) where every answer is known:
 * a hub with twelve towns, a route that goes back in time, relations that ended, and a
 * made-up document (tests/fixtures/harbour-chronicle.txt) to attach.
 */
describe('paths on a graph with known answers', () => {
  let graph: OwnGraph;
  beforeAll(async () => {
    graph = await startOwnGraph(GRAPH);
  }, 180_000);
  afterAll(() => graph?.stop());

  const search = async (variables: Record<string, unknown>) => {
    const { body } = await graph.graphql<{ pathSearch: Search }>(SEARCH, variables);
    expect(body.errors).toBeUndefined();
    return body.data!.pathSearch;
  };

  it('ranks the path through specific entities above the shorter one through the hub', async () => {
    const result = await search({ from: 'alice', to: 'bridge-dispute' });
    // The hub is found from the graph: the capital has the twelve towns and three more.
    expect(result.hubDegree).toBe(15);
    const [best, ...rest] = result.paths;
    expect(ids(best!)).toEqual(['alice', 'bob', 'treaty', 'bridge-dispute']);
    expect(best!.hubs).toEqual([]);
    const viaHub = rest.find((p) => ids(p).includes('capital'))!;
    expect(viaHub.entities).toHaveLength(3);
    expect(viaHub.hubs).toEqual([{ id: 'capital' }]);
    expect(viaHub.cost).toBeGreaterThan(best!.cost);
    expect(result.onlyThroughHubs).toBe(false);
    expect(result.explanation).toBeNull();
  });

  it('avoids its own hubs when asked, and says why when every route passes one', async () => {
    const around = await search({ from: 'alice', to: 'bridge-dispute', avoidHubs: true });
    expect(around.paths.length).toBeGreaterThan(0);
    for (const p of around.paths) expect(ids(p)).not.toContain('capital');

    const only = await search({ from: 'carol', to: 'bridge-dispute' });
    expect(only.onlyThroughHubs).toBe(true);
    expect(only.routeHubs).toEqual([{ id: 'capital' }]);
    expect(only.explanation).toBe(
      'Every route from Carol Cyan to Bridge dispute within 4 steps passes a hub: Capital City.',
    );

    const none = await search({ from: 'carol', to: 'bridge-dispute', avoidHubs: true });
    expect(none.paths).toEqual([]);
    expect(none.blockedBy).toEqual(['AVOID_HUBS']);
    expect(none.routeHubs).toEqual([{ id: 'capital' }]);
    expect(none.unlimitedLength).toBe(2);
    expect(none.explanation).toContain('every route passes Capital City');
  });

  it('names the limit in the way and the nearest entities the source reaches', async () => {
    const short = await search({
      from: 'alice',
      to: 'bridge-dispute',
      maxLength: 2,
      avoidHubs: true,
    });
    expect(short.paths).toEqual([]);
    expect(short.blockedBy).toEqual(['MAX_LENGTH', 'AVOID_HUBS']);
    // Within 2 steps without the hub Alice reaches Bob and the treaty; the treaty is 1 step away.
    expect(short.nearest[0]).toEqual({
      entity: { id: 'treaty' },
      stepsFromSource: 2,
      stepsToTarget: 1,
    });
    expect(short.explanation).toMatch(
      /^No path from Alice Amber to Bridge dispute within 2 steps\./,
    );
    expect(short.explanation).toContain(
      'Nearest reached: Harbour Treaty (1 step from Bridge dispute)',
    );

    const avoided = await search({
      from: 'alice',
      to: 'bridge-dispute',
      avoid: ['bob', 'capital'],
    });
    expect(avoided.paths).toEqual([]);
    expect(avoided.blockedBy).toEqual(['AVOID']);
    expect(avoided.explanation).toContain('the avoided entities (Bob & Sons <Ltd>, Capital City)');
  });

  it('dates each dated step in the narrative, from its relation or the event it reaches', async () => {
    const [direct] = (await search({ from: 'dave', to: 'accord', maxLength: 2 })).paths;
    expect(direct!.steps).toEqual([
      'Dave Dune wrote Harbour memo (2015).',
      'Harbour memo cites Port accord (March 2001).',
    ]);
    expect(direct!.hops.map((h) => h.date)).toEqual(['2015', '2001-03']);
    const [event] = (await search({ from: 'dave', to: 'summit', maxLength: 1 })).paths;
    expect(event!.hops[0]).toMatchObject({ date: '2010-09', forward: true });
    expect(event!.narrative).toBe('Dave Dune attended Harbour summit (September 2010).');
    // Walked against its direction, a step reads with the inverse label.
    const [back] = (await search({ from: 'accord', to: 'envoy', maxLength: 1 })).paths;
    expect(back!.steps).toEqual(['Port accord was signed by Envoy Ellis (1 June 2005).']);
    expect(back!.hops[0]!.forward).toBe(false);
  });

  it('keeps only paths that never go back in time when chronological', async () => {
    const all = await search({ from: 'dave', to: 'accord' });
    expect(all.paths.map(ids)).toContainEqual(['dave', 'memo', 'accord']);
    const forward = await search({ from: 'dave', to: 'accord', chronological: true });
    expect(forward.paths.map(ids)).toEqual([['dave', 'council', 'envoy', 'accord']]);
    expect(forward.paths[0]!.hops.map((h) => h.date)).toEqual(['1995', null, '2005-06-01']);

    const none = await search({ from: 'dave', to: 'accord', chronological: true, maxLength: 2 });
    expect(none.paths).toEqual([]);
    expect(none.blockedBy).toEqual(['MAX_LENGTH', 'CHRONOLOGICAL']);
  });

  it('traces the graph as it stood at a date', async () => {
    const in1990 = await search({ from: 'eve', to: 'frank', asOf: '1990' });
    expect(in1990.paths.map(ids)).toEqual([['eve', 'old-board', 'frank']]);
    const in2015 = await search({ from: 'eve', to: 'frank', asOf: '2015-06' });
    expect(in2015.paths.map(ids)).toEqual([['eve', 'new-forum', 'frank']]);
    const in2005 = await search({ from: 'eve', to: 'frank', asOf: '2005' });
    expect(in2005.paths).toEqual([]);
    expect(in2005.blockedBy).toEqual(['AS_OF']);
    expect(in2005.absentEnds).toEqual([]);

    const early = await search({ from: 'eve', to: 'late-port', asOf: '2015', maxLength: 6 });
    expect(early.paths).toEqual([]);
    expect(early.absentEnds).toEqual([{ id: 'late-port' }]);
    expect(early.explanation).toMatch(/^Late port did not exist as of 2015\./);
  });

  describe('the evidence', () => {
    const SOURCES = `query E($id: ID!) { entity(id: $id) {
      sources { document title publisher url date paragraphs citation paragraphTexts { number text } }
      relations { id sources { citation paragraphTexts { number text } } } } }`;
    type Sources = {
      entity: {
        sources: {
          document: string;
          title: string;
          publisher: string;
          url: string;
          date: string;
          paragraphs: number[];
          citation: string;
          paragraphTexts: { number: number; text: string }[];
        }[];
        relations: {
          id: string;
          sources: { citation: string; paragraphTexts: { number: number; text: string }[] }[];
        }[];
      };
    };
    const sourcesOf = async (id: string) => {
      const { body } = await graph.graphql<Sources>(SOURCES, { id });
      expect(body.errors).toBeUndefined();
      return body.data!.entity;
    };
    const attach = (...args: string[]) =>
      run('npx', ['tsx', 'scripts/attach.ts', ...args], { cwd: ROOT, env: graph.childEnv() });

    it('cites title, publisher and merged paragraphs, with no text before one is attached', async () => {
      const alice = await sourcesOf('alice');
      expect(alice.sources).toEqual([
        {
          document: 'harbour-chronicle',
          title: 'The Harbour Chronicle',
          publisher: 'Made-Up Press',
          url: 'https://example.org/harbour-chronicle',
          date: '2020-05',
          paragraphs: [1, 3],
          citation: 'The Harbour Chronicle (Made-Up Press), ¶ 1, 3',
          paragraphTexts: [],
        },
      ]);
    });

    it('shows the attached paragraphs through the API; attaching again replaces them', async () => {
      const { stdout } = await attach('harbour-chronicle', TEXT);
      expect(stdout).toContain('Attached 4 paragraphs');
      const alice = await sourcesOf('alice');
      const texts = alice.sources[0]!.paragraphTexts;
      expect(texts.map((p) => p.number)).toEqual([1, 3]);
      expect(texts[0]!.text).toMatch(/^The Harbour Chronicle is a made-up paper .* invented\.$/);
      expect(texts[1]!.text).toBe(
        'Alice Amber met Bob & Sons <Ltd> at the harbour in spring, and the two agreed to draft a treaty on the bridge.',
      );
      const met = alice.relations.find((r) => r.id === 'alice-met-bob')!;
      expect(met.sources[0]!.paragraphTexts).toEqual([{ number: 3, text: texts[1]!.text }]);

      const shorter = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'attach-')), 'one.txt');
      fs.writeFileSync(shorter, 'Only one paragraph now.\n');
      await attach('harbour-chronicle', shorter);
      expect((await sourcesOf('alice')).sources[0]!.paragraphTexts).toEqual([
        { number: 1, text: 'Only one paragraph now.' },
      ]);
      await attach('harbour-chronicle', TEXT);
    });

    it('refuses an unknown document id with a clear error and changes nothing', async () => {
      const failed = await attach('no-such-document', TEXT).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain(
        'No document with id "no-such-document". Documents in the graph: harbour-chronicle.',
      );
      expect((await sourcesOf('alice')).sources[0]!.paragraphTexts).toHaveLength(2);
    });

    it('exports a report as Markdown and as a standalone HTML page', async () => {
      const report = (...args: string[]) =>
        run(
          'npx',
          ['tsx', 'scripts/report.ts', '--from', 'alice', '--to', 'bridge-dispute', ...args],
          {
            cwd: ROOT,
            env: graph.childEnv(),
          },
        );
      const { stdout: md } = await report('--max-steps', '3');
      expect(md).toMatch(/^# How does Alice Amber connect to Bridge dispute\?\n/);
      expect(md).toContain(
        '1. Alice Amber met with Bob & Sons &lt;Ltd&gt;. — _The Harbour Chronicle (Made-Up Press), ¶ 3_',
      );
      expect(md).toContain('## Path 2 (2 steps, through Capital City)');
      expect(md).toContain('> Alice Amber met Bob & Sons &lt;Ltd&gt; at the harbour in spring');
      expect(md).toContain('> — The Harbour Chronicle (Made-Up Press), ¶ 3');

      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-')), 'trace.html');
      await report('--max-steps', '3', '--avoid-hubs', '--out', out);
      const html = fs.readFileSync(out, 'utf8');
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('<h1>How does Alice Amber connect to Bridge dispute?</h1>');
      expect(html).toContain('Searched with at most 3 steps; avoiding hubs.');
      expect(html).toContain('<li>Alice Amber met with Bob &amp; Sons &lt;Ltd&gt;.');
      expect(html).not.toContain('through Capital City');
      // The attached text is evidence, escaped like everything else.
      expect(html).toContain(
        'opens with &lt;script&gt;alert(&quot;quay&quot;)&lt;/script&gt; to show',
      );
      expect(html).not.toMatch(/<script|src=|href=|@import|url\(/i);

      const { stdout: dated } = await run(
        'npx',
        [
          'tsx',
          'scripts/report.ts',
          '--from',
          'dave',
          '--to',
          'accord',
          '--chronological',
          '--format',
          'html',
        ],
        { cwd: ROOT, env: graph.childEnv() },
      );
      expect(dated).toContain('Dave Dune joined Port council (1995).');
      expect(dated).toContain('Envoy Ellis signed Port accord (1 June 2005).');
    });
  });
});
