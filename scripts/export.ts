import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { exportCsv, exportJson } from '../seed/export';
import { connect } from './connect';

const USAGE =
  'Usage: npm run export -- --format json|csv --out PATH (a file for json, a directory for csv)';

/** `npm run export`: the live graph as a graph file or as neo4j-admin CSVs (seed/export.ts). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } },
  });
  if (!values.out || !['json', 'csv'].includes(values.format)) throw new Error(USAGE);
  const log = (line: string) => console.error(line);
  const connection = await connect(loadConfig(), log);
  try {
    const started = performance.now();
    const counts =
      values.format === 'json'
        ? await exportJson(connection.db, values.out)
        : await exportCsv(connection.db, values.out);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(
      `Exported ${counts.documents} documents, ${counts.entities} entities, ` +
        `${counts.relations} relations to ${values.out} in ${seconds} s.`,
    );
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
