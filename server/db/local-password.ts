import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The user the local Neo4j has (Community has no other roles to give one). */
export const LOCAL_USERNAME = 'neo4j';

/** Where the local Neo4j's password is kept: beside its store, readable by its owner only. */
export function passwordFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'neo4j-password');
}

/**
 * The password of the store in `dataDir`: read from its file, or generated (32 random
 * bytes, base64url) and written there with mode 0600 on the first start. A file that others
 * can read is narrowed to 0600 again. The store directory itself is made 0700, so no other
 * local user reads the store files either.
 */
export function localPassword(dataDir: string): { password: string; created: boolean } {
  const home = path.resolve(dataDir);
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  fs.chmodSync(home, 0o700);
  const file = passwordFile(home);
  try {
    // 'wx': fails when the file exists, so two starts at once cannot both write one.
    const password = randomBytes(32).toString('base64url');
    fs.writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
    return { password, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const password = fs.readFileSync(file, 'utf8').trim();
  if (password === '') throw new Error(`${file} is empty: delete it or write the password in it`);
  return { password, created: false };
}
