import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import createDebug from 'debug';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { formatSize, type Neo4jMemory, neo4jMemory } from './jvm-memory';
import { LOCAL_USERNAME, localPassword, passwordFile } from './local-password';
import { ensureLocalNeo4jBuilt } from './maven';

export { ensureLocalNeo4jBuilt } from './maven';

const log = createDebug('tracegraph:neo4j');

const JVM_OPTIONS = [
  // G1 keeps pauses short under a mixed load; Serial stopped everything for every collection.
  '-XX:+UseG1GC',
  // An out-of-memory JVM is in no state to serve: exit, and let the supervisor restart it.
  '-XX:+ExitOnOutOfMemoryError',
  '-XX:-OmitStackTraceInFastThrow',
  '-Djdk.nio.maxCachedBufferSize=1024',
  // What Neo4j's own launcher passes: without them the page cache and Netty fall back to
  // slower code paths and warn about it.
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];
const STOP_GRACE_MS = 20_000;
/** Waits between restarts after unexpected deaths; back to the first after a calm minute. */
const RESTART_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
const CALM_MS = 60_000;

/** What the supervisor reports: Neo4j died (and will be restarted), or is back. */
export type LocalNeo4jEvent =
  | { type: 'died'; pid: number | undefined; reason: string; restartInMs: number }
  | { type: 'restart-failed'; reason: string; restartInMs: number }
  | { type: 'back'; pid: number | undefined; downMs: number; restarts: number };

export interface LocalNeo4j {
  /** `bolt://127.0.0.1:<port>`; the same across restarts. */
  uri: string;
  port: number;
  username: string;
  /** The store's password (from its file, or NEO4J_PASSWORD when the caller passed it). */
  password: string;
  /** Where the password is kept, mode 0600. */
  passwordFile: string;
  /** The Java process now running (it changes when the supervisor restarts Neo4j). */
  pid(): number | undefined;
  /** Stops Neo4j cleanly (SIGTERM, then SIGKILL after 20 s) and stops supervising it. Idempotent. */
  stop(): Promise<void>;
}

export interface LocalNeo4jOptions {
  /** The store; created when missing and kept across starts. */
  dataDir: string;
  /** Preferred Bolt port (default 7687); another free one is used when it is taken. 0 = any. */
  port?: number;
  /** The password to use instead of the one kept beside the store (NEO4J_PASSWORD). */
  password?: string;
  /** Heap, page cache, transaction memory; default sized from the machine (see jvm-memory). */
  memory?: Partial<Neo4jMemory>;
  /** Restart Neo4j (same port, with back-off) when it dies unexpectedly. Default true. */
  supervise?: boolean;
  /** Told when the supervised Neo4j dies and when it is back (the app's breaker listens). */
  onEvent?: (event: LocalNeo4jEvent) => void;
  /** Where progress lines go (default: the `tracegraph:neo4j` debug log). */
  log?: (line: string) => void;
  /** How long to wait for Bolt to answer (default 300 s: a start takes 7 s on an idle machine, 100 s on a crowded one). */
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once Bolt answers `RETURN 1` with the password; rejects if the process ends or
 * time runs out, and at once when Neo4j, started, refuses the password.
 */
async function waitForBolt(
  uri: string,
  password: string,
  state: () => { ended?: string; started: boolean },
  refused: () => string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  const driver = neo4j.driver(uri, neo4j.auth.basic(LOCAL_USERNAME, password), {
    connectionTimeout: 2_000,
  });
  try {
    for (;;) {
      const { ended } = state();
      if (ended) throw new Error(ended);
      // session.run, not executeQuery: an auto-commit query fails at once instead of retrying.
      const session = driver.session();
      try {
        await session.run('RETURN 1');
        return;
      } catch (error) {
        // Before "ready" the security module may still be starting; after it, a refusal is final.
        if (
          error instanceof Neo4jError &&
          error.code.startsWith('Neo.ClientError.Security.') &&
          state().started
        ) {
          throw new Error(refused(), { cause: error });
        }
        if (Date.now() > deadline) {
          throw new Error(`The local Neo4j did not answer on ${uri} within ${timeoutMs / 1000} s`, {
            cause: error,
          });
        }
        await sleep(250);
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

interface Launched {
  child: ChildProcess;
  /** Resolves with how the process ended. */
  exited: Promise<string>;
  /** SIGTERM, then SIGKILL after the grace period; resolves when it has exited. */
  stop(): Promise<void>;
}

interface LaunchSpec {
  args: string[];
  uri: string;
  password: string;
  refused: () => string;
  timeoutMs: number;
}

/** Starts one Java process and resolves when Bolt answers with the password. */
async function launch(spec: LaunchSpec): Promise<Launched> {
  // stdin: the password on its first line, then a pipe we never write to again, whose EOF
  // tells Java that we are gone. The password never appears on a command line.
  const child = spawn('java', spec.args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => undefined); // EPIPE when Java dies first
  child.stdin.write(`${spec.password}\n`);
  watch();
  running.add(child);

  let output = '';
  let started = false;
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
    if (output.includes('tracegraph-neo4j: ready')) started = true;
    for (const line of chunk.toString().trimEnd().split('\n')) log('java: %s', line);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let ended: string | undefined;
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => {
      ended = `Cannot run java (is a JDK 17 installed?): ${error.message}`;
      resolve(ended);
    });
    child.once('close', (code, signal) => {
      const how = signal ? `killed by ${signal}` : `exit code ${code}`;
      ended ??= explain(output) + ` (${how})`;
      resolve(started ? how : ended);
    });
  }).finally(() => {
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
    })();
    return stopping;
  };

  try {
    await waitForBolt(
      spec.uri,
      spec.password,
      () => ({ ended, started }),
      spec.refused,
      spec.timeoutMs,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, exited, stop };
}

/**
 * Starts a genuine Neo4j 5.26 on loopback as a child process, keeping its store in `dataDir`,
 * with authentication on (the password kept beside the store), and — unless `supervise` is
 * false — restarts it on the same port when it dies.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const say = options.log ?? ((line: string) => log(line));
  const classpath = await ensureLocalNeo4jBuilt(say);
  const home = path.resolve(options.dataDir);
  const kept = localPassword(home);
  const password = options.password ?? kept.password;
  const secretFile = passwordFile(home);
  if (kept.created && options.password === undefined) {
    say(`Generated a password for the local Neo4j in ${secretFile} (mode 0600).`);
  }
  const preferred = options.port ?? 7687;
  const port = await choosePort(preferred);
  if (preferred !== 0 && port !== preferred) {
    say(`Port ${preferred} is taken; the local Neo4j uses ${port}.`);
  }

  const memory = neo4jMemory(process.env, options.memory);
  const heap = formatSize(memory.heap);
  const args = [`-Xms${heap}`, `-Xmx${heap}`, ...JVM_OPTIONS, '-cp', classpath];
  args.push('tracegraph.LocalNeo4j', '--home', home, '--port', String(port));
  args.push(
    '--page-cache',
    formatSize(memory.pageCache),
    '--tx-memory',
    formatSize(memory.txMemory),
  );
  log(
    'heap %s, page cache %s, transactions %s',
    heap,
    formatSize(memory.pageCache),
    formatSize(memory.txMemory),
  );

  const uri = `bolt://127.0.0.1:${port}`;
  const spec: LaunchSpec = {
    args,
    uri,
    password,
    timeoutMs: options.timeoutMs ?? 300_000,
    refused: () =>
      `The local Neo4j in ${home} refused the password ` +
      (options.password === undefined
        ? `kept in ${secretFile}. Was the file replaced? Restore it, or point TRACEGRAPH_DATA_DIR at a new store.`
        : 'given in NEO4J_PASSWORD: it is not this store’s password (unset it to use the one kept beside the store).'),
  };
  let current = await launch(spec);
  say(
    `Local Neo4j ready on ${uri} (store: ${home}, heap ${heap}, page cache ${formatSize(memory.pageCache)})`,
  );

  let stopped = false;
  let restarts = 0;
  const supervise = (launched: Launched, upSince: number, attempt: number) => {
    void launched.exited.then(async (how) => {
      if (stopped) return;
      const pid = launched.child.pid;
      const diedAt = Date.now();
      let step = diedAt - upSince > CALM_MS ? 0 : attempt;
      let delay = RESTART_DELAYS_MS[Math.min(step, RESTART_DELAYS_MS.length - 1)]!;
      say(
        `The local Neo4j (pid ${pid}) stopped unexpectedly (${how}); restarting it on port ${port} in ${delay / 1000} s.`,
      );
      options.onEvent?.({ type: 'died', pid, reason: how, restartInMs: delay });
      for (;;) {
        await sleep(delay);
        if (stopped) return;
        try {
          current = await launch(spec);
        } catch (error) {
          step += 1;
          delay = RESTART_DELAYS_MS[Math.min(step, RESTART_DELAYS_MS.length - 1)]!;
          const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
          say(`Restarting the local Neo4j failed (${reason}); next attempt in ${delay / 1000} s.`);
          options.onEvent?.({ type: 'restart-failed', reason, restartInMs: delay });
          continue;
        }
        if (stopped) return void current.stop();
        restarts += 1;
        const downMs = Date.now() - diedAt;
        say(
          `The local Neo4j is back on ${uri} (pid ${current.child.pid}, ${(downMs / 1000).toFixed(1)} s after it stopped; restart ${restarts}).`,
        );
        options.onEvent?.({ type: 'back', pid: current.child.pid, downMs, restarts });
        supervise(current, Date.now(), step + 1);
        return;
      }
    });
  };
  if (options.supervise !== false) supervise(current, Date.now(), 0);

  let stopping: Promise<void> | undefined;
  return {
    uri,
    port,
    username: LOCAL_USERNAME,
    password,
    passwordFile: secretFile,
    pid: () => current.child.pid,
    stop() {
      stopping ??= (async () => {
        stopped = true;
        await current.stop();
        log('stopped the local Neo4j on port %d', port);
      })();
      return stopping;
    },
  };
}
