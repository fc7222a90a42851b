import type { Database } from '../db/database';
import { createDocumentLoaders } from '../repository/documents';
import { createLoaders, type Loaders } from '../repository/loaders';

export interface Context {
  /** Read-only, and cancelled when the request is abandoned (see Database.forRequest). */
  db: Database;
  loaders: Loaders;
  /** Documents and attached paragraphs of the SourceRefs in a response, batched. */
  documents: ReturnType<typeof createDocumentLoaders>;
}

export function createContext(db: Database, signal?: AbortSignal): Context {
  const requestDb = db.forRequest(signal);
  const documents = createDocumentLoaders(requestDb);
  return { db: requestDb, loaders: createLoaders(requestDb, documents), documents };
}
