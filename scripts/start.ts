// Before anything that loads graphql-js: see server/production-mode.ts.
import '../server/production-mode';
import type { Server } from 'node:http';
import { createApp } from '../server/app';
import { warmUp } from '../server/warm-up';
import { loadConfig } from '../server/config';
import { applySchema, dropGenerations, loadGraphFile } from '../seed/load';
import { forgetLoadedGraph } from '../seed/store-import';
import { buildClientIfStale } from './build-client';
import { connect } from './connect';

const log = (line: string) => console.log(line);

/**
 * `npm start`: build the client if needed → start or reach Neo4j → apply the schema → load
 * the default graph into an empty database → serve HOST:PORT. Ctrl-C stops all of it.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  buildClientIfStale(log);
  const connection = await connect(config, log);
  const { db } = connection;
  // Filled in as start-up proceeds, so Ctrl-C at any point stops what has started.
  const running: { server?: Server; stopApp?: () => Promise<void> } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping …`);
    running.server?.close();
    await running.stopApp?.();
    await connection.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await applySchema(db);
  const [row] = await db.read<{ count: number }>('count-entities');
  if ((row?.count ?? 0) === 0) {
    const loaded = await loadGraphFile(db, undefined, { log });
    // The record of an earlier offline import no longer describes this store.
    if (connection.local) forgetLoadedGraph(config.dataDir);
    log(`Loaded the default graph: ${loaded.entities} entities, ${loaded.relations} relations.`);
  } else {
    log(`The database holds ${row?.count} entities; the default graph is not reloaded.`);
    const leftovers = await dropGenerations(db);
    if (leftovers > 0) log(`Removed ${leftovers} nodes left by an interrupted import.`);
  }
  // Plans the statements before the first request: a first plan can outlast the API's timeout.
  const warmed = await warmUp(connection.settings);
  log(`Query plans warmed in ${(warmed / 1000).toFixed(1)}s.`);
  const app = await createApp(db);
  running.stopApp = app.stop;
  const server = app.app.listen(config.port, config.host, () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(
      `Tracegraph is ready in ${seconds}s: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
    );
  });
  running.server = server;
  server.on('error', (error) => {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${error.message}`);
    void stop('error');
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
