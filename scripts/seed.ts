import path from 'node:path';
import { loadConfig } from '../server/config';
import { applySchema, DEFAULT_GRAPH_FILE, loadGraphFile } from '../seed/load';
import { connect } from './connect';

/**
 * `npm run seed` loads the default graph; `npm run import -- FILE` loads another file the
 * same way (scripts/import.ts). Both validate first and write in one transaction.
 */
export async function loadFile(file: string): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  const connection = await connect(config, log);
  try {
    await applySchema(connection.db);
    const result = await loadGraphFile(connection.db, file);
    log(
      `Loaded ${path.relative(process.cwd(), file)}: ${result.documents} documents, ` +
        `${result.entities} entities, ${result.relations} relations (existing ids updated, none duplicated).`,
    );
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  loadFile(DEFAULT_GRAPH_FILE).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
