import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import createDebug from 'debug';
import { PROJECT_ROOT } from '../config';

const log = createDebug('tracegraph:neo4j');

export const MODULE_DIR = path.join(PROJECT_ROOT, 'neo4j');
export const CLASSES_DIR = path.join(MODULE_DIR, 'target', 'classes');
const CLASSPATH_FILE = path.join(MODULE_DIR, 'target', 'classpath.txt');
const MAIN_CLASS_FILE = path.join(CLASSES_DIR, 'tracegraph', 'LocalNeo4j.class');
// Several engineers and test runs share one working tree: one Maven build at a time.
const LOCK_DIR = path.join(MODULE_DIR, 'target', '.build-lock');

function newestMtime(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(file)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(file, name))), 0);
}

/** The jars of the last build; they can vanish when someone cleans ~/.m2. */
function readClasspath(): string[] | undefined {
  if (!fs.existsSync(CLASSPATH_FILE) || !fs.existsSync(MAIN_CLASS_FILE)) return undefined;
  const jars = fs.readFileSync(CLASSPATH_FILE, 'utf8').trim().split(path.delimiter);
  return jars.every((jar) => fs.existsSync(jar)) ? jars : undefined;
}

function isFresh(): boolean {
  if (!readClasspath()) return false;
  const sources = Math.max(
    newestMtime(path.join(MODULE_DIR, 'pom.xml')),
    newestMtime(path.join(MODULE_DIR, 'src')),
  );
  return fs.statSync(CLASSPATH_FILE).mtimeMs >= sources;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A directory as an inter-process lock; a lock left by a dead process is taken over. */
async function withBuildLock<T>(say: (line: string) => void, work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), { flag: 'a+' }).toString());
      if (owner && !pidAlive(owner)) {
        fs.rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (!announced) say('Waiting for another build of the local Neo4j to finish …');
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

function runMaven(): Promise<void> {
  // No -q: on a first run Maven downloads ~170 MB, and its progress lines are what tell the
  // user that something is happening. They go straight to the terminal.
  const args = ['-B', '-f', path.join(MODULE_DIR, 'pom.xml'), 'package', '-DskipTests'];
  log('mvn %s', args.join(' '));
  return new Promise((resolve, reject) => {
    const mvn = spawn('mvn', args, { stdio: ['ignore', 'inherit', 'inherit'] });
    mvn.once('error', (error) =>
      reject(new Error(`Cannot run Maven (is Maven 3 installed?): ${error.message}`)),
    );
    mvn.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `Building the local Neo4j with Maven failed (${signal ?? `exit code ${code}`}); see its output above.`,
          ),
        );
    });
  });
}

/**
 * Resolves Neo4j from Maven Central and compiles its launcher, unless the last build is newer
 * than the pom and the Java sources and its jars are still there: then Maven is skipped
 * entirely, which keeps later starts fast. Returns the Java classpath. CI calls it ahead of the
 * timed suites (`npm run neo4j -- --build-only`).
 */
export async function ensureLocalNeo4jBuilt(
  say: (line: string) => void = console.log,
): Promise<string> {
  if (!isFresh()) {
    await withBuildLock(say, async () => {
      if (isFresh()) return; // Someone else built it while we waited.
      say('Building the local Neo4j 5.26 with Maven (the first run downloads it) …');
      const started = Date.now();
      await runMaven();
      // Maven leaves classpath.txt untouched when nothing changed; mark the build as current.
      const now = new Date();
      fs.utimesSync(CLASSPATH_FILE, now, now);
      say(`Local Neo4j built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    });
  }
  const jars = readClasspath();
  if (!jars)
    throw new Error(`The Maven build did not produce ${MAIN_CLASS_FILE} and its classpath`);
  return [CLASSES_DIR, ...jars].join(path.delimiter);
}
