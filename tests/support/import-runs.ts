import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { PROJECT_ROOT } from '../../server/config';
import { generateGraph } from '../../seed/generate';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

/** Writes a generated graph file (`npm run generate`'s generator, seeded). */
export async function generateFile(
  file: string,
  entities: number,
  relations: number,
  seed: number,
): Promise<void> {
  const out = fs.createWriteStream(file);
  await generateGraph({ entities, relations, seed }, out);
  out.end();
  await finished(out);
}

/**
 * `npm run import -- FILE` as its own process group (tsx runs node as a child, so a test can
 * kill the whole import with `process.kill(-pid)`), its output collected as it comes.
 */
export function runImport(
  file: string,
  env: NodeJS.ProcessEnv,
): ChildProcess & { output: () => string } {
  const child = spawn(TSX, ['scripts/import.ts', file], {
    cwd: PROJECT_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** Resolves once `output` matches `pattern`, then kills the process group with SIGKILL. */
export function killWhen(
  child: ChildProcess & { output: () => string },
  pattern: RegExp,
  what: string,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const watch = setInterval(() => {
      if (pattern.test(child.output())) {
        clearInterval(watch);
        process.kill(-child.pid!, 'SIGKILL');
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(watch);
        reject(new Error(`the import ended before ${what}:\n${child.output()}`));
      }
    }, 20);
  });
}
