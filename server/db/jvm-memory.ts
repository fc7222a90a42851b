import os from 'node:os';

const MIB = 1024 * 1024;

export interface Neo4jMemory {
  /** JVM heap (-Xms and -Xmx), bytes. */
  heap: number;
  /** Neo4j's page cache (store files in memory), bytes. */
  pageCache: number;
  /** Cap on the memory of all transactions together (dbms.memory.transaction.total.max). */
  txMemory: number;
}

/** "512m", "2g", "1024k" or plain bytes; the JVM's own notation. */
export function parseSize(text: string, name: string): number {
  const match = /^\s*(\d+)\s*([kmg]?)b?\s*$/i.exec(text);
  if (!match) throw new Error(`${name} must be a size such as 512m or 2g, got "${text}"`);
  const unit = { '': 1, k: 1024, m: MIB, g: 1024 * MIB }[match[2]!.toLowerCase()]!;
  return Number(match[1]) * unit;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
const toMib = (bytes: number) => Math.floor(bytes / MIB) * MIB;

/** The machine's memory, or the container's limit when it has a lower one. */
export function machineMemory(): number {
  const constrained = process.constrainedMemory?.() ?? 0;
  const total = os.totalmem();
  return constrained > 0 && constrained < total ? constrained : total;
}

/**
 * Sizes the local Neo4j from the machine: heap = RAM/8 within 512 MiB–4 GiB, page cache =
 * RAM/8 within 256 MiB–4 GiB, transactions together at most 70 % of the heap (Neo4j's own
 * default ratio). Each can be set by environment variable, or by the caller (tests use less).
 */
export function neo4jMemory(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Neo4jMemory> = {},
  ram = machineMemory(),
): Neo4jMemory {
  const fromEnv = (name: string) => (env[name] ? parseSize(env[name]!, name) : undefined);
  const heap =
    overrides.heap ??
    fromEnv('TRACEGRAPH_NEO4J_HEAP') ??
    toMib(clamp(ram / 8, 512 * MIB, 4096 * MIB));
  const pageCache =
    overrides.pageCache ??
    fromEnv('TRACEGRAPH_NEO4J_PAGE_CACHE') ??
    toMib(clamp(ram / 8, 256 * MIB, 4096 * MIB));
  const txMemory = overrides.txMemory ?? fromEnv('TRACEGRAPH_NEO4J_TX_MEMORY') ?? toMib(heap * 0.7);
  if (heap < 256 * MIB) throw new Error('TRACEGRAPH_NEO4J_HEAP must be at least 256m');
  if (txMemory > heap) throw new Error('TRACEGRAPH_NEO4J_TX_MEMORY must be below the heap');
  return { heap, pageCache, txMemory };
}

export const formatSize = (bytes: number) => `${Math.round(bytes / MIB)}m`;
