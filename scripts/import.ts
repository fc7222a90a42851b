import path from 'node:path';
import { loadFile } from './seed';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run import -- FILE.json');
  process.exit(2);
}
loadFile(path.resolve(file)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
