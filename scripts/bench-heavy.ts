import type { AddressInfo } from 'node:net';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { MAX_COST, operationCost } from '../server/graphql/cost';
import { typeDefs } from '../server/graphql/server';
import { applySchema, loadGraphFile } from '../seed/load';
import { connect } from './connect';
import { HEAVY_QUERIES } from './heavy-queries';

/**
 * Part of `npm run bench`: the heaviest operations the cost limit still accepts
 * (scripts/heavy-queries.ts) on the configured graph (the default one when the store is
 * empty): their cost, response size, time and the heap growth of this process, which hosts
 * the app, HEAVY_RUNS runs each.
 */
const HEAVY_RUNS = Number(process.env.BENCH_HEAVY_RUNS ?? 10);

function summarize(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

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
  const heavy: [string, number, Awaited<ReturnType<typeof measureHeavy>>][] = [];
  try {
    for (const { name, query, cost } of acceptedHeavyQueries()) {
      heavy.push([name, cost, await measureHeavy(url, query, HEAVY_RUNS)]);
    }
  } finally {
    server.close();
    await app.stop();
    await connection.close();
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
