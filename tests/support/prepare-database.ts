import { Database } from '../../server/db/database';
import { applySchema, loadGraphFile } from '../../seed/load';
import { warmUp } from '../../server/warm-up';
import { testNeo4j } from './test-neo4j';

/** Run once by jest's global setup: the schema and the default graph, as `npm start` does. */
export async function prepareTestDatabase(): Promise<void> {
  const db = Database.connect({ ...testNeo4j(), database: 'neo4j' });
  try {
    await applySchema(db);
    await loadGraphFile(db);
    // Every suite then finds the statements planned, as after `npm start`.
    await warmUp({ ...testNeo4j(), database: 'neo4j' });
  } finally {
    await db.close();
  }
}
