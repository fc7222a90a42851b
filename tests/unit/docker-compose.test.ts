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

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: unknown[];
  volumes?: unknown[];
  healthcheck?: { test?: unknown };
  depends_on?: unknown;
}
interface Config {
  services: Record<string, Service | undefined>;
  volumes?: Record<string, unknown>;
}

// `docker-compose config` prints the resolved file as YAML; python3-yaml (a dependency of
// Debian's docker-compose) turns it into JSON, so the assertions read fields, not text.
const resolvedConfig = (): Config => {
  const yaml = compose(['config']);
  expect(yaml.status).toBe(0);
  const json = spawnSync(
    'python3',
    ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'],
    { input: yaml.stdout, encoding: 'utf8' },
  );
  expect(json.status).toBe(0);
  return JSON.parse(json.stdout) as Config;
};

describe('docker-compose.yml', () => {
  it('is valid', () => {
    const result = compose(['config', '-q']);
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs Neo4j 5.26 with a health check and a volume, and the app against it', () => {
    const config = resolvedConfig();
    const neo4j = config.services.neo4j;
    const app = config.services.app;
    expect(neo4j?.image).toMatch(/^neo4j:5\.26(-community)?$/);
    expect(JSON.stringify(neo4j?.healthcheck?.test)).toMatch(/cypher-shell.*RETURN 1/);
    expect(neo4j?.volumes).toEqual(
      expect.arrayContaining([expect.stringMatching(/^neo4j-data:\/data(:rw)?$/)]),
    );
    expect(Object.keys(config.volumes ?? {})).toContain('neo4j-data');
    expect(neo4j?.environment?.NEO4J_AUTH).toBe('neo4j/test-password');
    for (const port of neo4j?.ports ?? []) expect(String(port)).toMatch(/^127\.0\.0\.1:/);

    expect(app?.build).toBeDefined();
    expect(app?.environment).toMatchObject({
      HOST: '0.0.0.0',
      PORT: '4000',
      NEO4J_URI: 'bolt://neo4j:7687',
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: 'test-password',
      NEO4J_DATABASE: 'neo4j',
    });
    expect(app?.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
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
