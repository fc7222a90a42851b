import type { Database } from '../db/database';
import { createDocumentLoaders } from '../repository/documents';
import { createLoaders, type Loaders } from '../repository/loaders';

export interface Context {
  db: Database;
  loaders: Loaders;
  /** Documents and attached paragraphs of the SourceRefs in a response, batched. */
  documents: ReturnType<typeof createDocumentLoaders>;
}

export function createContext(db: Database): Context {
  return { db, loaders: createLoaders(db), documents: createDocumentLoaders(db) };
}
