import type { Database } from '../db/database';
import { createLoaders, type Loaders } from '../repository/loaders';

export interface Context {
  db: Database;
  loaders: Loaders;
}

export function createContext(db: Database): Context {
  return { db, loaders: createLoaders(db) };
}
