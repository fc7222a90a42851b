import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import createDebug from 'debug';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../config';

const log = createDebug('tracegraph:neo4j');

const MODULE_DIR = path.join(PROJECT_ROOT, 'neo4j');
const CLASSES = path.join(MODULE_DIR, 'target', 'classes');
const CLASSPATH_FILE = path.join(MODULE_DIR, 'target', 'classpath.txt');
const MAIN_CLASS = 'tracegraph.LocalNeo4j';

export interface LocalNeo4j {
  uri: string;
  port: number;
  /** Stops Neo4j cleanly (SIGTERM, then SIGKILL after 20 s); safe to call twice. */
  stop(): Promise<void>;
}

export interface LocalNeo4jOptions {
  dataDir: string;
  /** Preferred Bolt port; another free one is used when it is taken. 0 = any free port. */
  port?: number;
  log?: (line: string) => void;
  timeoutMs?: number;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Resolves Neo4j from Maven Central and compiles the launcher, unless the build is newer than
 * the pom and the Java sources: then Maven is skipped entirely, which keeps later starts fast.
 */
export function ensureLocalNeo4jBuilt(output: (line: string) => void = console.log): void {
  const built = fs.existsSync(CLASSPATH_FILE) ? fs.statSync(CLASSPATH_FILE).mtimeMs : 0;
  const sources = Math.max(
    fs.statSync(path.join(MODULE_DIR, 'pom.xml')).mtimeMs,
    newestSource(path.join(MODULE_DIR, 'src')),
  );
  if (built >= sources && fs.existsSync(path.join(CLASSES, 'tracegraph', 'LocalNeo4j.class')))
    return;
  output('Resolving Neo4j 5.26 from Maven Central and building its launcher (first run only) …');
  // Maven's own progress goes straight to the terminal so a first, slow download is visible.
  const result = spawnSync(
    'mvn',
    [
      '-B',
      '--no-transfer-progress',
      '-f',
      path.join(MODULE_DIR, 'pom.xml'),
      'package',
      '-DskipTests',
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.error) throw new Error(`Cannot run Maven (is it installed?): ${result.error.message}`);
  if (result.status !== 0)
    throw new Error('Building the local Neo4j with Maven failed (see above).');
  fs.utimesSync(CLASSPATH_FILE, new Date(), new Date());
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function choosePort(preferred: number): Promise<number> {
  if (preferred !== 0 && (await portIsFree(preferred))) return preferred;
  return anyFreePort();
}

/** Resolves once Bolt answers `RETURN 1`; rejects if the process exits or time runs out. */
async function waitForBolt(
  uri: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
  const driver = neo4j.driver(uri, undefined, {
    connectionTimeout: 2_000,
    maxConnectionRetryTimeMs: 0,
  } as never);
  try {
    for (;;) {
      if (exited) throw new Error(`Neo4j ${exited} before it was ready:\n${output()}`);
      try {
        const session = driver.session();
        try {
          await session.run('RETURN 1');
          return;
        } finally {
          await session.close();
        }
      } catch {
        if (Date.now() > deadline)
          throw new Error(`Neo4j did not answer within ${timeoutMs / 1000}s:\n${output()}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await driver.close();
  }
}

const running = new Set<ChildProcess>();
// Last resort when the Node process exits without calling stop(): kill synchronously.
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** Starts a genuine Neo4j 5.26 on loopback, keeping its store in `dataDir`. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const say = options.log ?? ((line: string) => log(line));
  ensureLocalNeo4jBuilt(say);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const port = await choosePort(options.port ?? 7687);
  if (options.port !== undefined && options.port !== 0 && port !== options.port) {
    say(`Port ${options.port} is taken; the local Neo4j uses ${port}.`);
  }
  const classpath = `${CLASSES}${path.delimiter}${fs.readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const child = spawn(
    'java',
    [
      '-Xms256m',
      '-Xmx512m',
      '-XX:+UseSerialGC',
      '-cp',
      classpath,
      MAIN_CLASS,
      options.dataDir,
      String(port),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  running.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4_000);
    log('%s', chunk.toString().trimEnd());
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => running.delete(child));

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  const uri = `bolt://127.0.0.1:${port}`;
  try {
    await waitForBolt(uri, child, () => lockHint(tail), options.timeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  say(`Local Neo4j ready on ${uri}`);
  return { uri, port, stop };
}

/** Neo4j's store-lock failure, said plainly. */
function lockHint(output: string): string {
  if (/FileLockException|Lock file has been locked|already (?:locked|in use)/i.test(output)) {
    return `Another Neo4j is already using this store.\n${output.slice(-1_000)}`;
  }
  return output.slice(-2_000);
}
