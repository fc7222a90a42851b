import createDebug from 'debug';
import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import type { Neo4jSettings } from '../config';
import { cypher, cypherStatements } from './cypher';
import { toGraphQLError } from './errors';
import { disableNagleOnClientSockets } from './no-delay';

const log = createDebug('tracegraph:cypher');

export interface DatabaseOptions extends Neo4jSettings {
  uri: string;
  /** Per-transaction timeout sent with every transaction; Neo4j's own default is none. */
  timeoutMs?: number;
}

export type Params = Record<string, unknown>;

/**
 * JavaScript numbers reach Neo4j as floats, which LIMIT and ranges refuse; top-level whole
 * numbers are sizes and counts, so they go as integers. Numbers inside lists and maps
 * (figures in a graph file) keep their type.
 */
function withIntegers(params: Params): Params {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value,
    ]),
  );
}

/**
 * The one owner of the Neo4j driver. Every statement is loaded by name from `cypher/`, runs
 * with parameters only, in `executeRead` or `executeWrite`, with a timeout and the statement
 * name as transaction metadata (so `SHOW TRANSACTIONS` on the server says what is running).
 */
export class Database {
  /** Statements sent so far; tests use it to show that a request costs a bounded number. */
  queryCount = 0;
  readonly timeoutMs: number;

  private constructor(
    readonly driver: Driver,
    readonly database: string,
    timeoutMs: number,
  ) {
    this.timeoutMs = timeoutMs;
  }

  static connect(options: DatabaseOptions): Database {
    disableNagleOnClientSockets();
    // No password means a database without authentication, such as the local one.
    const auth =
      options.password === undefined
        ? undefined
        : neo4j.auth.basic(options.username, options.password);
    const driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 10_000,
      maxConnectionPoolSize: 50,
      userAgent: 'tracegraph',
    });
    return new Database(driver, options.database, options.timeoutMs ?? 5_000);
  }

  /** Runs the named read statement and returns its records as plain objects. */
  read<T extends RecordShape = RecordShape>(name: string, params: Params = {}): Promise<T[]> {
    return this.run('READ', name, cypher(name), params);
  }

  write<T extends RecordShape = RecordShape>(name: string, params: Params = {}): Promise<T[]> {
    return this.run('WRITE', name, cypher(name), params);
  }

  /** Runs several named writes in ONE transaction: all of them take effect, or none. */
  async writeAll(steps: { name: string; params: Params }[], timeoutMs = 120_000): Promise<void> {
    try {
      await this.writeSteps(steps, timeoutMs);
    } catch (error) {
      throw toGraphQLError(error);
    }
  }

  /**
   * Like writeAll, returning each step's records, for the loader: a step is the name of a
   * file or of one statement in it (`name#2`, counted from 0). Neo4j's own error goes through
   * unchanged, so a command line can say what it is.
   */
  async writeSteps(
    steps: { name: string; params?: Params }[],
    timeoutMs = 120_000,
  ): Promise<RecordShape[][]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    try {
      return await session.executeWrite(
        async (tx) => {
          const results: RecordShape[][] = [];
          for (const { name, params = {} } of steps) {
            const [file, part] = name.split('#');
            const text = part === undefined ? cypher(name) : cypherStatements(file!)[Number(part)]!;
            results.push(await this.runIn(tx, name, text, params));
          }
          return results;
        },
        {
          timeout: timeoutMs,
          metadata: { app: 'tracegraph', statement: steps[0]?.name ?? 'load' },
        },
      );
    } finally {
      await session.close();
    }
  }

  /** Runs a statement that is not a file, e.g. one schema line or an EXPLAIN in a test. */
  async runText<T extends RecordShape = RecordShape>(
    mode: 'READ' | 'WRITE',
    statement: string,
    params: Params = {},
  ): Promise<T[]> {
    return this.run(mode, 'inline', statement, params);
  }

  /**
   * Resolves when Neo4j answers a query; rejects otherwise, within `timeoutMs`. No retries:
   * a health check must answer at once, not after the driver's 30-second retry loop.
   */
  async ping(timeoutMs = 3_000): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'READ' });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        session.run('RETURN 1 AS ok', {}, { timeout: timeoutMs }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('Neo4j did not answer in time')), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      await session.close().catch(() => undefined);
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async run<T extends RecordShape>(
    mode: 'READ' | 'WRITE',
    name: string,
    statement: string,
    params: Params,
  ): Promise<T[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    const config = { timeout: this.timeoutMs, metadata: { app: 'tracegraph', statement: name } };
    try {
      const work = (tx: ManagedTransaction) => this.runIn<T>(tx, name, statement, params);
      return mode === 'READ'
        ? await session.executeRead(work, config)
        : await session.executeWrite(work, config);
    } catch (error) {
      throw toGraphQLError(error);
    } finally {
      await session.close();
    }
  }

  private async runIn<T extends RecordShape>(
    tx: ManagedTransaction,
    name: string,
    statement: string,
    params: Params,
  ): Promise<T[]> {
    const started = performance.now();
    this.queryCount += 1;
    const result = await tx.run<T>(statement, withIntegers(params));
    log('%s %o %dms', name, params, Math.round(performance.now() - started));
    return result.records.map((record) => record.toObject());
  }
}
