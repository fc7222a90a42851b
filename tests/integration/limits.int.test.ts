import { HEAVY_QUERIES, nestedRelations } from '../../scripts/heavy-queries';
import { MAX_COST } from '../../server/graphql/cost';
import { startTestServer, type TestServer } from '../support/test-server';

/** What the README promises for any accepted operation on the default graph. */
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
/** Heap growth of the process hosting the app, two of the heaviest accepted at once. */
const MAX_HEAP_GROWTH_BYTES = 256 * 1024 * 1024;

interface Answer {
  status: number;
  bytes: number;
  ms: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe('operation cost limits', () => {
  let server: TestServer;
  const figures: string[] = [];
  let baselineHeap = 0;
  let peakHeap = 0;
  let sampler: NodeJS.Timeout;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };

  beforeAll(async () => {
    server = await startTestServer();
    // Warm-up, not asserted: the first run of each statement is planned, which on a busy
    // machine can take longer than the heavy queries themselves.
    for (const query of [nestedRelations(2, 5), '{ stats { entities } }']) await post(query);
    global.gc?.();
    baselineHeap = process.memoryUsage().heapUsed;
    sampler = setInterval(sample, 5);
  });
  afterAll(async () => {
    clearInterval(sampler);
    console.log(
      [
        `cost limit ${MAX_COST}; heap baseline ${mb(baselineHeap)}, peak ${mb(peakHeap)}`,
        ...figures,
      ].join('\n'),
    );
    await server.stop();
  });

  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

  async function post(query: string, variables?: Record<string, unknown>): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    sample();
    const ms = performance.now() - started;
    return { status: response.status, bytes: Buffer.byteLength(text), ms, body: JSON.parse(text) };
  }

  it('refuses the nested query of issue 9 with 400, its cost and the limit', async () => {
    const { status, body } = await post(nestedRelations(4));
    expect(status).toBe(400);
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error?.extensions?.maxCost).toBe(MAX_COST);
    expect(error?.extensions?.cost).toBeGreaterThan(MAX_COST);
    expect(error?.message).toContain(`Query cost ${String(error?.extensions?.cost)}`);
    expect(error?.message).toContain(`limit of ${MAX_COST}`);
  });

  it('counts a default size like the same size written out', async () => {
    const implicit = await post(nestedRelations(3));
    const explicit = await post(nestedRelations(3, 50));
    expect(implicit.body.errors?.[0]?.extensions?.cost).toBeDefined();
    expect(implicit.body.errors?.[0]?.extensions?.cost).toBe(
      explicit.body.errors?.[0]?.extensions?.cost,
    );
  });

  it('counts a variable at its value, and at its default when it is not sent', async () => {
    const query = `query($n: Int = 500) { entity(id: "japan") { relations(first: $n) {
      target { relations(first: $n) { id } } } } }`;
    expect((await post(query)).status).toBe(400);
    const small = await post(query, { n: 5 });
    // Not refused by the cost limit (it runs; a busy machine may still time it out).
    expect(small.status).not.toBe(400);
    expect(small.body.errors?.[0]?.extensions?.cost).toBeUndefined();
  });

  it.each(HEAVY_QUERIES)(
    '$name: refused, or answered within the bounds',
    async ({ name, query }) => {
      const answer = await post(query);
      const cost = answer.body.errors?.[0]?.extensions?.cost;
      if (answer.status === 400) {
        // Refused by the cost limit, or by the depth limit before it.
        expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(answer.body.errors?.[0]?.message).toMatch(
          /^Query cost \d+ is above the limit|depth/,
        );
        figures.push(`refused   ${name}: ${cost ? `cost ${String(cost)}` : 'depth'}`);
        return;
      }
      if (answer.status === 503) {
        // Stopped by the transaction timeout: bounded too (a busy machine gets there).
        expect(answer.body.errors?.[0]?.extensions?.code).toBe('QUERY_TIMEOUT');
        figures.push(`timed out ${name}: after ${answer.ms.toFixed(0)} ms`);
        return;
      }
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.bytes).toBeLessThan(MAX_RESPONSE_BYTES);
      figures.push(
        `accepted  ${name}: ${(answer.bytes / 1024).toFixed(0)} kB in ${answer.ms.toFixed(0)} ms`,
      );
    },
  );

  it("accepts the explorer's own heaviest request", async () => {
    const start = HEAVY_QUERIES.find((q) => q.name.startsWith("the explorer's start"))!;
    const { status, body } = await post(start.query);
    expect(status).toBe(200);
    const stats = await post('{ stats { entities } }');
    // The whole default graph, not a part the limits cut off.
    expect((body.data as { graph: { entities: unknown[] } }).graph.entities.length).toBe(
      (stats.body.data as { stats: { entities: number } }).stats.entities,
    );
  });

  it('keeps /health answering while two heavy accepted queries run', async () => {
    const aliased = HEAVY_QUERIES.find((q) => q.name.startsWith('20 aliases × 2 nested'))!;
    const heavy = [nestedRelations(3, 40), aliased.query];
    let running = true;
    const queries = Promise.all(heavy.map((query) => post(query))).finally(() => {
      running = false;
    });
    const healthTimes: number[] = [];
    while (running) {
      const started = performance.now();
      // Issue 9 saw /health stall for 40-60 s; the slowest probe is printed, not asserted
      // (timings on a shared machine are noise), but a stall of seconds fails.
      const response = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(5_000) });
      expect(response.status).toBe(200);
      healthTimes.push(performance.now() - started);
    }
    const answers = await queries;
    // Accepted by the limits (answered, or stopped by the transaction timeout when busy).
    for (const answer of answers) expect([200, 503]).toContain(answer.status);
    figures.push(
      `/health during two heavy queries: ${healthTimes.length} probes, slowest ` +
        `${Math.max(...healthTimes).toFixed(0)} ms; queries ${answers.map((a) => `${(a.bytes / 1024).toFixed(0)} kB in ${a.ms.toFixed(0)} ms`).join(', ')}`,
    );
    expect(healthTimes.length).toBeGreaterThan(0);
    expect(peakHeap - baselineHeap).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
  });
});
