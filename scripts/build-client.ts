import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/config';

const CLIENT = path.join(PROJECT_ROOT, 'client');
const BUILT = path.join(CLIENT, 'dist', 'index.html');
// The client bundles the shared pure modules too (citations, reports).
const SHARED = path.join(PROJECT_ROOT, 'server', 'domain');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the client with Vite when its build is missing or older than its sources. */
export function buildClientIfStale(log: (line: string) => void): void {
  if (!fs.existsSync(path.join(CLIENT, 'vite.config.mts'))) return;
  const newest = Math.max(newestChange(CLIENT), newestChange(SHARED));
  if (fs.existsSync(BUILT) && fs.statSync(BUILT).mtimeMs >= newest) return;
  log('Building the explorer (client/) …');
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'client/vite.config.mts', '--logLevel', 'warn'],
    {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('The client build failed (see above).');
}
