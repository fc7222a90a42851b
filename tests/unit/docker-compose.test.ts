import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Debian's docker-compose validates a file without a Docker engine (`config`), which keeps the
// compose file valid on machines that cannot run it. `.ci/run` installs the package.
const ROOT = path.join(__dirname, '..', '..');
const compose = (args: string[], cwd = ROOT) =>
  spawnSync('docker-compose', ['-f', 'docker-compose.yml', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_PASSWORD: 'test-password' },
  });

describe('docker-compose.yml', () => {
  it('is valid', () => {
    const result = compose(['config', '-q']);
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs Neo4j 5.26 with a health check and a volume, and the app against it', () => {
    const text = compose(['config']).stdout;
    expect(text).toMatch(/image: neo4j:5\.26-community/);
    expect(text).toMatch(/healthcheck:[\s\S]*test:[\s\S]*cypher-shell[^\n]*RETURN 1/);
    expect(text).toMatch(/neo4j-data:\/data|source: neo4j-data[\s\S]*target: \/data/);
    expect(text).toMatch(/NEO4J_URI: bolt:\/\/neo4j:7687/);
    expect(text).toMatch(/HOST: 0\.0\.0\.0/);
    expect(text).toMatch(/condition: service_healthy/);
    expect(text).toMatch(/NEO4J_PASSWORD: test-password/);
  });

  it('refuses a broken file, so the check can fail', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-'));
    const broken = fs
      .readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')
      .replace('depends_on:', 'depends_onn:');
    fs.writeFileSync(path.join(dir, 'docker-compose.yml'), broken);
    const result = compose(['config', '-q'], dir);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/depends_onn/);
  });

  it('builds an image that starts the app', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/^CMD \[.*scripts\/start\.ts"\]/m);
  });
});
