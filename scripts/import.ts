import fs from 'node:fs';
import path from 'node:path';
import { csvSource } from '../seed/csv';
import { jsonSource } from '../seed/load';
import { loadSource } from './seed';

const USAGE =
  'Usage: npm run import -- FILE.json | nodes.csv relationships.csv … | DIR-of-CSVs [--force]';

/** `npm run import`: a graph file, or neo4j-admin CSVs (files or a directory of them). */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const paths = args.filter((a) => !a.startsWith('--')).map((p) => path.resolve(p));
  if (paths.length === 0) throw Object.assign(new Error(USAGE), { exitCode: 2 });
  for (const p of paths) if (!fs.existsSync(p)) throw new Error(`${p} does not exist`);
  const isJson = paths.length === 1 && paths[0]!.toLowerCase().endsWith('.json');
  const source = isJson ? jsonSource(paths[0]!) : await csvSource(paths);
  await loadSource(source, { force: args.includes('--force') });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit((error as { exitCode?: number }).exitCode ?? 1);
});
