import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The generator is ESM-only in parts, so it runs as its own process (as `npm run codegen`).
const run = (args: string[], cwd = path.join(__dirname, '..', '..')) =>
  spawnSync('npx', ['tsx', 'scripts/codegen.ts', ...args], { cwd, encoding: 'utf8' });

const ROOT = path.join(__dirname, '..', '..');

/** Runs the check with `file` edited by `change`, then puts the file back. */
function checkWithEdited(file: string, change: (text: string) => string) {
  const saved = fs.readFileSync(file, 'utf8');
  const backup = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-')), 'copy.ts');
  fs.writeFileSync(backup, saved);
  try {
    const edited = change(saved);
    expect(edited).not.toBe(saved);
    fs.writeFileSync(file, edited);
    return run(['--check']);
  } finally {
    fs.writeFileSync(file, saved);
  }
}

describe('generated resolver and operation types', () => {
  it('match schema.graphql and the client operations (run `npm run codegen` after editing either)', () => {
    const result = run(['--check']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('are reported stale when the resolver types differ from the schema', () => {
    const result = checkWithEdited(
      path.join(ROOT, 'server', 'graphql', 'generated', 'resolvers-types.ts'),
      (text) => text.replace('degree?: Resolver', 'degreeX?: Resolver'),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/resolvers-types\.ts is stale/);
  });

  it('are reported stale when the client operation types differ from its queries', () => {
    const result = checkWithEdited(
      path.join(ROOT, 'client', 'src', 'generated', 'graphql.ts'),
      (text) =>
        text.replace(/export type PathSearchQuery = \{/, 'export type PathSearchQueryX = {'),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/client\/src\/generated\/graphql\.ts is stale/);
  });

  it('are reported stale when a client query changed without regenerating', () => {
    const result = checkWithEdited(
      path.join(ROOT, 'client', 'src', 'views', 'timeline.ts'),
      (text) =>
        text.replace(
          /(query Timeline\(\$first: Int\) \{\s+timeline\(first: \$first\) \{)/,
          '$1 __typename',
        ),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/client\/src\/generated\/gql\.ts is stale/);
  });

  it('refuse a client query that asks for a field the schema lacks', () => {
    const result = checkWithEdited(
      path.join(ROOT, 'client', 'src', 'views', 'timeline.ts'),
      (text) => text.replace(/(timeline\(first: \$first\) \{)/, '$1 weather'),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Cannot query field "weather" on type "TimelineEntry"/);
  });
});
