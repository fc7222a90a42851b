import type { AddressInfo } from 'node:net';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { cypher } from '../server/db/cypher';
import { MAX_COST, operationCost } from '../server/graphql/cost';
import { typeDefs } from '../server/graphql/server';
import { applySchema, loadGraphFile } from '../seed/load';
import { connect } from './connect';
import { HEAVY_QUERIES } from './heavy-queries';

/**
 * `npm run bench`: the median and 95th percentile of each API query on the loaded graph,
 * over RUNS runs through HTTP, printed beside baselines measured in the same run: an empty
 * GraphQL operation (the HTTP + Apollo floor), a bare `RETURN 1` over Bolt, and the path
 * search written as an exhaustive variable-length match instead of SHORTEST. Then the
 * heaviest operations the cost limit still accepts (scripts/heavy-queries.ts): cost,
 * response size and time, HEAVY_RUNS runs each.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const HEAVY_RUNS = Number(process.env.BENCH_HEAVY_RUNS ?? 10);

/** The heavy queries the limit accepts, with their cost, heaviest first. */
function acceptedHeavyQueries() {
  const schema = buildSchema(typeDefs);
  return HEAVY_QUERIES.map(({ name, query }) => {
    const document = parse(query);
    return { name, query, cost: operationCost(schema, document, getOperationAST(document)!) ?? 0 };
  })
    .filter(({ cost }) => cost <= MAX_COST)
    .sort((a, b) => b.cost - a.cost);
}

/** Median time, response bytes and Node heap growth of an operation run `runs` times. */
async function measureHeavy(url: string, query: string, runs: number) {
  const times: number[] = [];
  let bytes = 0;
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    times.push(performance.now() - started);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    if (!response.ok || text.includes('"errors"')) throw new Error(text.slice(0, 300));
    bytes = Buffer.byteLength(text);
  }
  return { ...summarize(times), bytes, heapGrowth: heapPeak - heapBefore };
}

const OPERATIONS: [string, string][] = [
  ['baseline: { __typename }', '{ __typename }'],
  ['search "Dokdo"', '{ search(text: "Dokdo") { score entity { id } } }'],
  ['search "Kishda" (typo)', '{ search(text: "Kishda") { score entity { id } } }'],
  [
    'entity + relations',
    '{ entity(id: "shinzo-abe") { name relations { label target { name } } } }',
  ],
  ['neighborhood depth 1', '{ neighborhood(id: "japan") { entities { id } relations { id } } }'],
  [
    'neighborhood depth 2',
    '{ neighborhood(id: "liancourt-rocks", depth: 2) { entities { id } relations { id } } }',
  ],
  [
    'paths Lee → Liancourt',
    '{ paths(from: "lee-myung-bak", to: "liancourt-rocks") { narrative } }',
  ],
  [
    'paths Moon → comfort women',
    '{ paths(from: "moon-jae-in", to: "comfort-women-issue", avoid: ["japan"]) { length } }',
  ],
  ['timeline (all)', '{ timeline { date title } }'],
  ['stats', '{ stats { entities relations byKind { kind count } } }'],
];

function summarize(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function measure(work: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 10; i++) await work(); // warm-up: plans cached, JIT settled
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return summarize(times);
}

async function main() {
  const connection = await connect(loadConfig(), () => undefined);
  const { db } = connection;
  await applySchema(db);
  const [row] = await db.read<{ count: number }>('count-entities');
  if (!row?.count) await loadGraphFile(db);
  const app = await createApp(db);
  const server = app.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const rows: [string, { median: number; p95: number }][] = [];
  const heavy: [string, number, Awaited<ReturnType<typeof measureHeavy>>][] = [];
  try {
    rows.push(['baseline: Bolt RETURN 1', await measure(() => db.ping())]);
    for (const [name, query] of OPERATIONS) {
      rows.push([
        name,
        await measure(async () => {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
          });
          const body = (await response.json()) as { errors?: unknown[] };
          if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
        }),
      ]);
    }
    const params = {
      from: 'lee-myung-bak',
      to: 'liancourt-rocks',
      maxLength: 4,
      first: 5,
      types: null,
      avoid: [],
    };
    rows.push([
      'Cypher: paths (SHORTEST, bidirectional)',
      await measure(() => db.runText('READ', cypher('paths'), params)),
    ]);
    rows.push([
      'baseline Cypher: exhaustive [*1..4] paths',
      await measure(() =>
        db.runText(
          'READ',
          `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
           MATCH p = (a)-[*1..4]-(b) RETURN p ORDER BY length(p) LIMIT 5`,
          params,
        ),
      ),
    ]);
    for (const { name, query, cost } of acceptedHeavyQueries()) {
      heavy.push([name, cost, await measureHeavy(url, query, HEAVY_RUNS)]);
    }
  } finally {
    server.close();
    await app.stop();
    await connection.close();
  }
  console.log(`\n${RUNS} runs each, milliseconds\n`);
  console.log(`${'operation'.padEnd(44)} ${'median'.padStart(8)} ${'p95'.padStart(8)}`);
  for (const [name, { median, p95 }] of rows) {
    console.log(
      `${name.padEnd(44)} ${median.toFixed(2).padStart(8)} ${p95.toFixed(2).padStart(8)}`,
    );
  }
  console.log(
    `\nHeaviest operations the cost limit (${MAX_COST}) accepts, ${HEAVY_RUNS} runs each` +
      ' (heap: growth of this process, which hosts the app)\n',
  );
  console.log(
    `${'operation'.padEnd(58)} ${'cost'.padStart(7)} ${'kB'.padStart(6)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'heap MB'.padStart(8)}`,
  );
  for (const [name, cost, m] of heavy) {
    console.log(
      `${name.padEnd(58)} ${String(cost).padStart(7)} ${(m.bytes / 1024).toFixed(0).padStart(6)} ${m.median.toFixed(0).padStart(8)} ${m.p95.toFixed(0).padStart(8)} ${(m.heapGrowth / 1048576).toFixed(0).padStart(8)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
