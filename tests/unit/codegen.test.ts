import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The generator is ESM-only in parts, so it runs as its own process (as `npm run codegen`).
const run = (args: string[], cwd = path.join(__dirname, '..', '..')) =>
  spawnSync('npx', ['tsx', 'scripts/codegen.ts', ...args], { cwd, encoding: 'utf8' });

describe('generated resolver types', () => {
  it('match schema.graphql (run `npm run codegen` after editing the schema)', () => {
    const result = run(['--check']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('are reported stale when they differ from the schema', () => {
    const file = path.join(
      __dirname,
      '..',
      '..',
      'server',
      'graphql',
      'generated',
      'resolvers-types.ts',
    );
    const saved = fs.readFileSync(file, 'utf8');
    const backup = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-')), 'copy.ts');
    fs.writeFileSync(backup, saved);
    try {
      fs.writeFileSync(file, saved.replace('degree?: Resolver', 'degreeX?: Resolver'));
      const result = run(['--check']);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/stale/);
    } finally {
      fs.writeFileSync(file, saved);
    }
  });
});
