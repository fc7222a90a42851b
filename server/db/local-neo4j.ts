import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import createDebug from 'debug';
import neo4j from 'neo4j-driver';
import { ensureLocalNeo4jBuilt } from './maven';

export { ensureLocalNeo4jBuilt } from './maven';

const log = createDebug('tracegraph:neo4j');

// Modest and explicit: the test suite starts one next to a developer's own.
const JVM_OPTIONS = [
  '-Xms512m',
  '-Xmx512m',
  '-XX:+UseSerialGC',
  '-XX:-OmitStackTraceInFastThrow',
  // What Neo4j's own launcher passes: without them the page cache and Netty fall back to
  // slower code paths and warn about it.
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];
const PAGE_CACHE = '128m';
const STOP_GRACE_MS = 20_000;

export interface LocalNeo4j {
  /** `bolt://127.0.0.1:<port>`; authentication is off (loopback only). */
  uri: string;
  port: number;
  /** Stops Neo4j cleanly (SIGTERM, then SIGKILL after 20 s); safe to call twice. */
  stop(): Promise<void>;
}

export interface LocalNeo4jOptions {
  /** The store; created when missing and kept across starts. */
  dataDir: string;
  /** Preferred Bolt port (default 7687); another free one is used when it is taken. 0 = any. */
  port?: number;
  /** Where progress lines go (default: the `tracegraph:neo4j` debug log). */
  log?: (line: string) => void;
  /** How long to wait for Bolt to answer (default 120 s). */
  timeoutMs?: number;
}

function listenOn(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}

async function choosePort(preferred: number): Promise<number> {
  const port = (preferred !== 0 && (await listenOn(preferred))) || (await listenOn(0));
  if (!port) throw new Error('No free TCP port on 127.0.0.1 for the local Neo4j');
  return port;
}

// Children that must not outlive this process, and the handlers that make sure of it.
const running = new Set<ChildProcess>();

function onExit() {
  // SIGTERM, not SIGKILL: the child finishes its clean shutdown on its own after we are gone.
  for (const child of running) child.kill('SIGTERM');
}

function onSignal(signal: NodeJS.Signals) {
  onExit();
  // Listening to a signal disables Node's default of exiting on it. When nobody else listens,
  // restore that default and re-raise, so the application still stops on Ctrl-C.
  if (process.listenerCount(signal) === 1) {
    unwatch();
    process.kill(process.pid, signal);
  }
}

function watch() {
  if (running.size > 0) return;
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function unwatch() {
  process.off('exit', onExit);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

/** Resolves once Bolt answers `RETURN 1`; rejects if the process ends or time runs out. */
async function waitForBolt(uri: string, ended: () => string | undefined, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 2_000 });
  try {
    for (;;) {
      const reason = ended();
      if (reason) throw new Error(reason);
      // session.run, not executeQuery: an auto-commit query fails at once instead of retrying.
      const session = driver.session();
      try {
        await session.run('RETURN 1');
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`The local Neo4j did not answer on ${uri} within ${timeoutMs / 1000} s`, {
            cause: error,
          });
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      } finally {
        await session.close();
      }
    }
  } finally {
    await driver.close();
  }
}

/** Neo4j's own one-line reason when the launcher printed one, else the tail of its output. */
function explain(output: string): string {
  const reason = /tracegraph-neo4j: error: (.*)/.exec(output)?.[1];
  return reason
    ? `The local Neo4j could not start: ${reason}`
    : `The local Neo4j stopped:\n${output.slice(-2_000)}`;
}

/** Starts a genuine Neo4j 5.26 on loopback as a child process, keeping its store in `dataDir`. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const say = options.log ?? ((line: string) => log(line));
  const classpath = await ensureLocalNeo4jBuilt(say);
  const home = path.resolve(options.dataDir);
  fs.mkdirSync(home, { recursive: true });
  const preferred = options.port ?? 7687;
  const port = await choosePort(preferred);
  if (preferred !== 0 && port !== preferred) {
    say(`Port ${preferred} is taken; the local Neo4j uses ${port}.`);
  }

  const args = [...JVM_OPTIONS, '-cp', classpath, 'tracegraph.LocalNeo4j'];
  args.push('--home', home, '--port', String(port), '--page-cache', PAGE_CACHE);
  // stdin stays a pipe that we never write to: its EOF tells Java that we are gone.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  watch();
  running.add(child);

  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
    for (const line of chunk.toString().trimEnd().split('\n')) log('java: %s', line);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let ended: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      ended = `Cannot run java (is a JDK 17 installed?): ${error.message}`;
      resolve();
    });
    child.once('close', (code, signal) => {
      ended ??= explain(output) + ` (exit ${signal ?? code})`;
      resolve();
    });
  }).then(() => {
    running.delete(child);
    if (running.size === 0) unwatch();
  });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (ended) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      log('stopped the local Neo4j on port %d', port);
    })();
    return stopping;
  };

  const uri = `bolt://127.0.0.1:${port}`;
  try {
    await waitForBolt(uri, () => ended, options.timeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  say(`Local Neo4j ready on ${uri} (store: ${home})`);
  return { uri, port, stop };
}
