import path from 'node:path';
import { jsonSource } from '../seed/load';
import { loadSource } from './seed';

const USAGE = 'Usage: npm run import -- FILE.json [--force]';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
if (files.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
loadSource(jsonSource(path.resolve(files[0]!)), { force: args.includes('--force') }).catch(
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
