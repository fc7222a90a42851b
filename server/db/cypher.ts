import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');
const cache = new Map<string, string>();

/**
 * Returns the statement kept in `cypher/<name>.cypher`. Every statement the app runs lives
 * there, so it can be read, reviewed and EXPLAINed apart from the TypeScript around it.
 */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined && name.includes('~')) {
    // `paths~4`: the statement with its variable-length bound (`{1,6}` in a quantified
    // pattern, `*1..6` in a legacy one) lowered to 4, so a search for at most 4 steps never
    // walks a 5th or 6th level (a plan per bound, cached).
    const [base, bound] = name.split('~') as [string, string];
    const whole = cypher(base);
    const bounds = whole.match(/\{1,6\}|\*1\.\.6/g) ?? [];
    if (!/^[1-6]$/.test(bound) || bounds.length !== 1) {
      throw new Error(`No statement ${name}: ${base} has no single {1,6} or *1..6 bound to set`);
    }
    text = whole.replace(bounds[0]!, bounds[0] === '{1,6}' ? `{1,${bound}}` : `*1..${bound}`);
    cache.set(name, text);
  }
  if (text === undefined) {
    // Comment lines are for readers: Neo4j 5 re-plans a statement that starts with a comment
    // on every run (measured: 54 ms instead of 8 ms for relations-among), so they go.
    text = fs
      .readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n')
      .trim();
    cache.set(name, text);
  }
  return text;
}

/** Splits a file of several statements (the schema) on the `;` that ends each one. */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
