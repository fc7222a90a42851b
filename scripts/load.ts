import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../server/config';

/**
 * `npm run load`: starts the app (and a local Neo4j with the default graph, in a throw-away
 * store) on 127.0.0.1, then drives it with autocannon: a `{ __typename }` baseline and each
 * operation alone for --each seconds, then the realistic mix for --duration seconds with
 * --connections clients. Prints requests/s, p50/p99 latency, errors, and the CPU the app's
 * Node process and Neo4j's JVM used in each phase (from /proc), so a reader can tell which
 * one the time goes to. --profile writes a V8 CPU profile of the app and its top functions.
 * --url http://127.0.0.1:PORT drives an app that is already running instead (loopback only;
 * its JVM is found as the app's child or as the process listening on --bolt-port).
 */
const { values: flags } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '60' },
    each: { type: 'string', default: '10' },
    profile: { type: 'boolean', default: false },
    url: { type: 'string' },
    'bolt-port': { type: 'string', default: '7687' },
  },
});

function bounded(name: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return n;
}
const CONNECTIONS = bounded('connections', flags.connections, 1, 200);
const DURATION = bounded('duration', flags.duration, 1, 300);
const EACH = bounded('each', flags.each, 1, 60);

/** The mix: what the explorer sends while someone browses, in about those proportions. */
const MIX: { name: string; weight: number; query: string }[] = [
  {
    name: 'search',
    weight: 4,
    query: '{ search(text: "Abe", first: 8) { score entity { id name kind aliases } } }',
  },
  {
    name: 'entity + relations',
    weight: 3,
    query: `{ entity(id: "shinzo-abe") { id name degree relations(first: 50) {
      id label summary source { id name } target { id name } } } }`,
  },
  {
    name: 'neighbourhood depth 2',
    weight: 2,
    query: `{ neighborhood(id: "liancourt-rocks", depth: 2) { truncated
      entities { id name kind degree } relations { id type label source { id } target { id } } } }`,
  },
  {
    name: 'paths',
    weight: 1,
    query: '{ paths(from: "lee-myung-bak", to: "liancourt-rocks") { length narrative } }',
  },
  {
    name: 'timeline',
    weight: 1,
    query: '{ timeline(from: "2012", to: "2015-12") { date title entity { id } relation { id } } }',
  },
];

async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
  } catch {
    return NaN;
  }
}

/** The JVM the app started: a `java` process among the app process's children. */
function javaChildOf(pid: number): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === 'java' && ppid === pid) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
  nodeCpu: number;
  jvmCpu: number;
}

async function run(
  url: string,
  name: string,
  seconds: number,
  queries: { query: string; weight: number }[],
  pids: { node?: number; jvm?: number },
): Promise<Row> {
  let graphqlErrors = 0;
  const requests = queries.flatMap(({ query, weight }) =>
    Array.from({ length: weight }, () => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      onResponse: (status: number, body: string) => {
        if (status === 200 && body.includes('"errors"')) graphqlErrors++;
      },
    })),
  );
  const cpu0 = { node: cpuSeconds(pids.node), jvm: cpuSeconds(pids.jvm) };
  const started = performance.now();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests,
    timeout: 10,
  });
  const wall = (performance.now() - started) / 1000;
  const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    total: result.requests.total,
    nodeCpu: (100 * (cpuSeconds(pids.node) - cpu0.node)) / wall,
    jvmCpu: (100 * (cpuSeconds(pids.jvm) - cpu0.jvm)) / wall,
  };
}

/** The functions the app's CPU went to, by self time, from a V8 .cpuprofile. */
function topFunctions(file: string, count = 15): string[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!;
    const where = frame.url.replace(/^.*node_modules\//, '').replace(`file://${PROJECT_ROOT}/`, '');
    const key = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
}

/** The process listening on a local port (from `ss`), for an app this script did not start. */
function listenerPid(port: string): number | undefined {
  const out = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' }).stdout ?? '';
  const match = /pid=(\d+)/.exec(out);
  return match ? Number(match[1]) : undefined;
}

async function drive(url: string, pids: { node?: number; jvm?: number }) {
  console.log(
    `${CONNECTIONS} connections; baseline and each operation ${EACH}s, the mix ${DURATION}s.`,
  );
  // Warm-up: query plans cached, JIT settled.
  for (const { query } of MIX) {
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
  }
  const rows: Row[] = [];
  rows.push(
    await run(url, 'baseline { __typename }', EACH, [{ query: '{ __typename }', weight: 1 }], pids),
  );
  for (const op of MIX) rows.push(await run(url, op.name, EACH, [op], pids));
  const mix = `the mix (${MIX.map((m) => m.weight).join(':')})`;
  rows.push(await run(url, mix, DURATION, MIX, pids));
  printRows(rows);
  if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
}

function printRows(rows: Row[]) {
  const header = `${'operation'.padEnd(30)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)} ${'requests'.padStart(9)} ${'Node CPU'.padStart(9)} ${'JVM CPU'.padStart(8)} ${'Node ms/req'.padStart(12)} ${'JVM ms/req'.padStart(11)}`;
  console.log(`\n${header}`);
  const pct = (n: number) => (Number.isNaN(n) ? '-' : `${n.toFixed(0)}%`);
  // CPU milliseconds each answered request cost: what is left when contention is set aside.
  const perRequest = (cpu: number, r: Row) =>
    Number.isNaN(cpu) || r.rps === 0 ? '-' : ((cpu * 10) / r.rps).toFixed(1);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(30)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.errors).padStart(7)} ${String(r.total).padStart(9)} ${pct(r.nodeCpu).padStart(9)} ${pct(r.jvmCpu).padStart(8)} ${perRequest(r.nodeCpu, r).padStart(12)} ${perRequest(r.jvmCpu, r).padStart(11)}`,
    );
  }
  console.log(
    `\nCPU as % of one core over each phase (${os.cpus().length} cores here); errors count ` +
      'failed connections, timeouts, non-2xx answers and GraphQL errors; ms/req is the CPU ' +
      'time each answered request cost that process.',
  );
}

async function main() {
  if (flags.url) {
    const target = new URL(flags.url);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
      throw new Error('--url must be a loopback address: load is only ever sent to this machine');
    }
    const node = listenerPid(target.port);
    const jvm = (node ? javaChildOf(node) : undefined) ?? listenerPid(flags['bolt-port']!);
    return drive(target.origin, { node, jvm });
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracegraph-load-'));
  const profileDir = path.join(dataDir, 'profile');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    TRACEGRAPH_DATA_DIR: dataDir,
    DEBUG: '',
  };
  delete env.NEO4J_URI; // always the local Neo4j, with the default graph
  const args = [
    ...(flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    '--import',
    'tsx',
    path.join(PROJECT_ROOT, 'scripts', 'start.ts'),
  ];
  console.log(`Starting the app on 127.0.0.1:${port} (store ${dataDir}) …`);
  const app = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: 'pipe' });
  let appLog = '';
  app.stdout.on('data', (chunk: Buffer) => (appLog += chunk.toString()));
  app.stderr.on('data', (chunk: Buffer) => (appLog += chunk.toString()));
  const exited = new Promise<void>((resolve) => app.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      if (app.exitCode !== null) throw new Error(`The app exited:\n${appLog}`);
      if (Date.now() > deadline) throw new Error(`The app did not start in 5 min:\n${appLog}`);
      const ok = await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await drive(url, { node: app.pid!, jvm: javaChildOf(app.pid!) });
  } finally {
    app.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    if (app.exitCode === null) app.kill('SIGKILL');
    if (flags.profile && fs.existsSync(profileDir)) {
      for (const file of fs.readdirSync(profileDir)) {
        const kept = path.join(os.tmpdir(), `tracegraph-load-${Date.now()}-${file}`);
        fs.copyFileSync(path.join(profileDir, file), kept);
        console.log(`\nCPU profile of the app: ${kept}\nTop functions by self time:`);
        for (const line of topFunctions(kept)) console.log(line);
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
