import type { Database } from '../db/database';
import { createLoaders, type Loaders } from '../repository/loaders';

export interface Context {
  /** Read-only, and cancelled when the request is abandoned (see Database.forRequest). */
  db: Database;
  loaders: Loaders;
}

export function createContext(db: Database, signal?: AbortSignal): Context {
  const requestDb = db.forRequest(signal);
  return { db: requestDb, loaders: createLoaders(requestDb) };
}
