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

/** A script's process, with what it has printed so far (stdout and stderr). */
export type ScriptRun = ChildProcess & { output: () => string };

/**
 * A project script (`scripts/NAME.ts`, run by tsx) as its own process group (tsx runs node as
 * a child, so a test can signal the whole of it with `process.kill(-pid)`), its output
 * collected as it comes.
 */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): ScriptRun {
  const child = spawn(TSX, [`scripts/${script}.ts`, ...args], {
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

/** `npm run import -- FILE` (runScript). */
export function runImport(file: string, env: NodeJS.ProcessEnv): ScriptRun {
  return runScript('import', [file], env);
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** The first match of `pattern` in the output; rejects when the process ends before it. */
export function outputMatch(
  child: ScriptRun,
  pattern: RegExp,
  what: string,
): Promise<RegExpExecArray> {
  return new Promise<RegExpExecArray>((resolve, reject) => {
    const watch = setInterval(() => {
      const match = pattern.exec(child.output());
      if (match) {
        clearInterval(watch);
        resolve(match);
      } else if (child.exitCode !== null) {
        clearInterval(watch);
        reject(new Error(`the process ended before ${what}:\n${child.output()}`));
      }
    }, 20);
  });
}

/** Resolves once `output` matches `pattern`, then kills the process group with SIGKILL. */
export async function killWhen(child: ScriptRun, pattern: RegExp, what: string): Promise<void> {
  await outputMatch(child, pattern, what);
  process.kill(-child.pid!, 'SIGKILL');
}
