// Before anything that loads graphql-js: see server/production-mode.ts.
import '../server/production-mode';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { createApp } from '../server/app';
import { warmUp } from '../server/warm-up';
import { Database, type Params } from '../server/db/database';
import { cypher } from '../server/db/cypher';
import { FIRST_SCREEN, operations } from './bench-operations';
import { NEO4J_GRAPHQL_QUERIES, startNeo4jGraphql } from './bench-neo4j-graphql';
import { prepareBenchGraph } from './bench-setup';

/**
 * `npm run bench` (the default graph) or `npm run bench -- --entities N --relations M` (a
 * generated one): imports the graph into a throw-away local Neo4j through `npm run import`,
 * then times every read through the API beside the very statements the API sent, replayed
 * raw over Bolt in the same run (interleaved, so both see the same load), the first screen's
 * requests with their sizes, and the same two reads served by @neo4j/graphql. Each statement
 * is PROFILEd once: a scan of all nodes or relationships is flagged.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
/**
 * Untimed runs of each read (API and raw) before its timed ones: a store the benchmark has
 * just imported runs in a JVM that has not compiled its hot paths yet, which a server that
 * has been up for a while has (measured: an index lookup took 6 ms fresh, 1-2 ms warm).
 */
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 30);
const SCANS = /AllNodesScan|NodeByLabelScan|AllRelationshipsScan|RelationshipTypeScan/;

type Stats = { p50: number; p95: number };
/** `wave`: statements the server had in flight together share one (replayed together too). */
type Statement = { name: string; params: Params; wave: number };

function summarize(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Records the statements the server sends while `recording` is set: on the class, since each
 * request reads through its own handle (Database.forRequest).
 */
function recorder(db: Database) {
  const read = Database.prototype.read;
  let recording: Statement[] | null = null;
  let inFlight = 0;
  let wave = 0;
  Database.prototype.read = function (this: Database, name: string, params: Params = {}, options) {
    if (inFlight === 0) wave++;
    // A copy: a caller may change its arrays after the call (the walk's `seen` grows).
    recording?.push({ name, params: structuredClone(params), wave });
    inFlight++;
    const done = () => inFlight--;
    const reading = read.call(this, name, params, options);
    reading.then(done, done);
    return reading;
  } as Database['read'];
  return {
    async during(work: () => Promise<unknown>): Promise<Statement[]> {
      recording = [];
      try {
        await work();
        return recording;
      } finally {
        recording = null;
      }
    },
    // As the server sent them: one wave after another, the statements of a wave at once.
    replay: async (statements: Statement[]) => {
      for (const w of new Set(statements.map((s) => s.wave))) {
        const together = statements.filter((s) => s.wave === w);
        await Promise.all(together.map((s) => read.call(db, s.name, s.params)));
      }
    },
  };
}

/**
 * One kept-alive connection per server, as a browser holds one: the time measured is the
 * server's and the wire's, not a client library's. (Node's fetch, undici, added 1-4 ms a
 * request on this machine, more than the API itself on small queries.)
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function post(url: string, query: string, variables: Record<string, unknown>) {
  const body = JSON.stringify({ query, variables });
  return new Promise<number>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            const parsed = JSON.parse(text) as { errors?: unknown[] };
            if (parsed.errors) {
              reject(new Error(`${query.slice(0, 60)}: ${JSON.stringify(parsed.errors)}`));
            } else resolve(text.length);
          } catch (error) {
            reject(error as Error);
          }
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Total db hits and any whole-graph scan in the plan of one statement. */
async function profile(db: Database, s: Statement): Promise<{ hits: number; scans: string[] }> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: 'READ' });
  try {
    // As server/db sends them: top-level whole numbers are integers (LIMIT refuses floats).
    const params = Object.fromEntries(
      Object.entries(s.params).map(([k, v]) => [
        k,
        Number.isInteger(v) ? neo4j.int(v as number) : v,
      ]),
    );
    const result = await session.run(`PROFILE ${cypher(s.name)}`, params);
    const scans: string[] = [];
    let hits = 0;
    const walk = (plan: ProfiledPlan) => {
      hits += plan.dbHits;
      if (SCANS.test(plan.operatorType)) {
        scans.push(`${plan.operatorType.replace(/@.*/, '')} of ${plan.rows} rows`);
      }
      plan.children.forEach(walk);
    };
    if (result.summary.profile) walk(result.summary.profile);
    return { hits, scans };
  } finally {
    await session.close();
  }
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const kb = (n: number) => `${(n / 1024).toFixed(n < 10_240 ? 1 : 0)} kB`;

async function main() {
  const { values } = parseArgs({
    options: { entities: { type: 'string' }, relations: { type: 'string' } },
  });
  if ((values.entities === undefined) !== (values.relations === undefined)) {
    throw new Error('Usage: npm run bench [-- --entities N --relations M]');
  }
  const size = values.entities
    ? { entities: Number(values.entities), relations: Number(values.relations) }
    : null;
  const graph = await prepareBenchGraph(size);
  const { db } = graph.connection;
  // As `npm start` does before it listens: a first plan can outlast a request's timeout.
  const warmed = await warmUp(graph.connection.settings);
  console.log(`Query plans warmed in ${(warmed / 1000).toFixed(1)} s.`);
  const record = recorder(db);
  const app = await createApp(db);
  const server = app.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const library = await startNeo4jGraphql(db);
  const lines: string[] = [];
  const out = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  try {
    const { seconds, peakMiB, lastLine } = graph.import;
    out(
      `\nGraph: ${graph.entities.toLocaleString('en')} entities, ` +
        `${graph.relations.toLocaleString('en')} relations (${graph.file})`,
    );
    out(
      `Import (npm run import, whole process incl. checking the file): ${seconds.toFixed(1)} s, ` +
        `${Math.round(graph.relations / seconds).toLocaleString('en')} relations/s, ` +
        `peak memory ${peakMiB.toFixed(0)} MiB`,
    );
    out(`  import said: ${lastLine}`);
    out(
      `\n${RUNS} runs each after ${WARM_RUNS} untimed, ms; raw = the statements the API sent, replayed over Bolt\n`,
    );
    out(
      '| query | API p50 | API p95 | raw p50 | raw p95 | API − raw p50 | API − raw, paired p50 | statements | response |',
    );
    out('|---|---|---|---|---|---|---|---|---|');
    const ops = await operations(db);
    const profiled = new Map<string, { hits: number; scans: string[] }>();
    const measured = new Map<string, Stats>();
    /** Queries that failed: a finding, listed in full after the tables. */
    const failures: string[] = [];
    const measure = async (op: (typeof ops)[number]) => {
      // The first request's statements are PROFILEd; the second's are what the timed runs
      // send (an answer kept per loaded graph, server/repository/kept.ts, is read only once).
      const first: Statement[][] = [];
      const recorded: Statement[][] = [];
      let bytes = 0;
      for (const variables of op.variants) {
        first.push(await record.during(() => post(url, op.query, variables)));
        recorded.push(
          await record.during(async () => (bytes = await post(url, op.query, variables))),
        );
      }
      for (let i = 0; i < WARM_RUNS; i++) {
        const v = i % op.variants.length;
        await post(url, op.query, op.variants[v]!);
        await record.replay(recorded[v]!);
      }
      const api: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const v = i % op.variants.length;
        api.push(await timed(() => post(url, op.query, op.variants[v]!)));
        raw.push(await timed(() => record.replay(recorded[v]!)));
      }
      const a = summarize(api);
      const r = summarize(raw);
      // Each timed request is followed by the replay of its own statements: the median of
      // those differences is the API's own time on a typical request, which the difference
      // of the two medians is not when the variants (ten search words) differ in cost.
      const paired = summarize(api.map((t, i) => t - raw[i]!));
      measured.set(op.name, a);
      const statements = recorded[0]!.map((s) => s.name);
      for (const s of first[0]!) {
        if (!profiled.has(s.name)) profiled.set(s.name, await profile(db, s));
      }
      out(
        `| ${op.name} | ${ms(a.p50)} | ${ms(a.p95)} | ${ms(r.p50)} | ${ms(r.p95)} | ` +
          `${ms(a.p50 - r.p50)} | ${ms(paired.p50)} | ${statements.join(', ') || '–'} | ${kb(bytes)} |`,
      );
    };
    for (const op of [...ops, ...FIRST_SCREEN]) {
      try {
        await measure(op);
      } catch (error) {
        // A query that fails (e.g. times out) is a finding, not the end of the run.
        const reason = (error as Error).message.match(/"code":"(\w+)"/)?.[1] ?? 'error';
        out(`| ${op.name} | ${reason} | | | | | | | |`);
        failures.push(`${op.name}: ${(error as Error).message}`);
      }
    }
    out('\nThe same reads served by @neo4j/graphql over the same database (p50 / p95, ms):\n');
    out('| query | ours | @neo4j/graphql | ours ÷ @neo4j/graphql (p50) |');
    out('|---|---|---|---|');
    for (const op of ops.filter((o) => o.neo4jGraphql)) {
      const query = NEO4J_GRAPHQL_QUERIES[op.neo4jGraphql!]!;
      const variables = op.variants[0]!;
      const times: number[] = [];
      try {
        await post(library.url, query, variables);
        for (let i = 0; i < RUNS; i++)
          times.push(await timed(() => post(library.url, query, variables)));
      } catch (error) {
        out(`| ${op.name} | | failed (below) | |`);
        failures.push(`${op.name} through @neo4j/graphql: ${(error as Error).message}`);
        continue;
      }
      const theirs = summarize(times);
      const ours = measured.get(op.name);
      if (!ours) continue;
      out(
        `| ${op.name} | ${ms(ours.p50)} / ${ms(ours.p95)} | ${ms(theirs.p50)} / ${ms(theirs.p95)} | ` +
          `${(ours.p50 / theirs.p50).toFixed(2)} |`,
      );
    }
    if (failures.length > 0) {
      out('\nFailed (the run goes on; its exit code says so):\n');
      for (const failure of failures) out(`  ${failure}`);
      process.exitCode = 1;
    }
    out('\nPROFILE of each statement (first variant): db hits, whole-graph scans\n');
    for (const [name, { hits, scans }] of profiled) {
      out(
        `  ${name.padEnd(20)} ${String(hits).padStart(10)} db hits  ${scans.join(', ') || 'no scan'}`,
      );
    }
  } finally {
    agent.destroy();
    server.close();
    await app.stop();
    await library.stop();
    await graph.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
