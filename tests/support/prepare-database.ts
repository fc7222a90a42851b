import { Database } from '../../server/db/database';
import { applySchema, loadGraphFile } from '../../seed/load';

/** Run once by jest's global setup: the schema and the default graph, as `npm start` does. */
export async function prepareTestDatabase(uri: string): Promise<void> {
  const db = Database.connect({ uri, username: 'neo4j', database: 'neo4j' });
  try {
    await applySchema(db);
    await loadGraphFile(db);
  } finally {
    await db.close();
  }
}
