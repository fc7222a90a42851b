import fs from 'node:fs';
import type { LocalNeo4j } from '../../server/db/local-neo4j';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__tracegraphNeo4j as
    { neo4j: LocalNeo4j; dataDir: string } | undefined;
  if (!state) return;
  await state.neo4j.stop();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
