import createDebug from 'debug';
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type RecordShape,
  type Session,
} from 'neo4j-driver';
import type { Neo4jSettings } from '../config';
import { Availability } from './availability';
import { cypher, cypherStatements } from './cypher';
import {
  DatabaseUnavailableError,
  isTimeout,
  QueryCancelledError,
  QueryTimeoutError,
  ReadOnlyError,
  unavailableReason,
} from './errors';
import { disableNagleOnClientSockets } from './no-delay';

const log = createDebug('tracegraph:cypher');

export interface DatabaseOptions extends Neo4jSettings {
  uri: string;
  /** Per-transaction timeout sent with every read; no request waits longer. Default 5 s. */
  timeoutMs?: number;
  /** TCP connect timeout; short, so a dead host is noticed at once. Default 2 s. */
  connectionTimeoutMs?: number;
  /** Interval of the probe that notices Neo4j is back. Default 500 ms. */
  probeMs?: number;
  /** Where availability changes are reported (default: the `tracegraph:db` debug log). */
  log?: (line: string) => void;
}

export type Params = Record<string, unknown>;

/** How one read is run: a signal that cancels it (the HTTP request's). */
export interface RunOptions {
  signal?: AbortSignal;
}

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

/** What every handle on one driver shares: the driver, its breaker and a statement count. */
interface Shared {
  driver: Driver;
  database: string;
  /** The server and database name: the same for every driver that reads this graph. */
  place: string;
  timeoutMs: number;
  availability: Availability;
  queries: number;
  inFlight: number;
}

/** Settles with the first of: the work, the caller's abort, Neo4j going down, the deadline. */
function raceWork<T>(
  work: Promise<T>,
  shared: Shared,
  signal: AbortSignal | undefined,
  deadlineMs: number | undefined,
): { outcome: Promise<T>; workSettled: () => boolean } {
  let settled = false;
  let cleanup = () => {};
  const stopped = new Promise<never>((_, reject) => {
    const onAbort = () => reject(new QueryCancelledError({ cause: signal?.reason }));
    const onDown = (reason: string) => reject(new DatabaseUnavailableError(reason));
    const timer =
      deadlineMs === undefined
        ? undefined
        : setTimeout(() => {
            shared.availability.suspect();
            reject(new QueryTimeoutError(shared.timeoutMs));
          }, deadlineMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    shared.availability.once('down', onDown);
    cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      shared.availability.off('down', onDown);
    };
  });
  const watched = work.finally(() => {
    settled = true;
  });
  const outcome = Promise.race([watched, stopped]).finally(cleanup);
  watched.catch(() => undefined); // a loser's rejection is nobody's concern
  stopped.catch(() => undefined);
  return { outcome, workSettled: () => settled };
}

/**
 * The driver records the call site of every statement (`new Error().stack`) to put on its
 * errors. Under tsx each one is mapped through source maps: 0.25 ms a statement, measured
 * with --cpu-prof. A failed read keeps Neo4j's code and message; only that call site goes,
 * and it was always this file's run(), behind awaits.
 */
function withoutCallSite<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * The one owner of the Neo4j driver. Every statement is loaded by name from `cypher/`, runs
 * with parameters only (reads as auto-commit READ transactions, writes in `executeWrite`),
 * with a timeout and the statement name as transaction metadata (so `SHOW TRANSACTIONS` on
 * the server says what is running).
 *
 * Reads fail fast: while Neo4j is down (see `Availability`) they throw
 * `DatabaseUnavailableError` at once; a request's read never outlives its timeout; a read
 * whose caller aborts is rolled back on the server. The API gets a read-only handle per request
 * (`forRequest`), so nothing on its path can write.
 */
export class Database {
  private constructor(
    private readonly shared: Shared,
    private readonly signal?: AbortSignal,
    private readonly readOnly = false,
  ) {}

  static connect(options: DatabaseOptions): Database {
    disableNagleOnClientSockets();
    // No password means a database without authentication (a Neo4j the operator runs so).
    const auth =
      options.password === undefined
        ? undefined
        : neo4j.auth.basic(options.username, options.password);
    const timeoutMs = options.timeoutMs ?? 5_000;
    const driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      // Short waits everywhere: the defaults (30 s to connect, 60 s for a pooled connection,
      // 30 s of retries from 1 s on) let a request hang long after Neo4j died. No retries:
      // a failed read fails at once and the breaker decides what the failure means; the
      // deadline in `run` does the rest.
      connectionTimeout: options.connectionTimeoutMs ?? 2_000,
      connectionAcquisitionTimeout: timeoutMs,
      maxTransactionRetryTime: 0,
      maxConnectionPoolSize: 50,
      userAgent: 'tracegraph',
    });
    const shared: Shared = {
      driver,
      database: options.database,
      place: `${options.uri}|${options.database}`,
      timeoutMs,
      queries: 0,
      inFlight: 0,
      availability: undefined as unknown as Availability,
    };
    const db = new Database(shared);
    shared.availability = new Availability(() => db.ping(1_000), options.probeMs, options.log);
    return db;
  }

  get driver(): Driver {
    return this.shared.driver;
  }

  get database(): string {
    return this.shared.database;
  }

  /**
   * Which graph this reads (server address and database name), whatever the driver: answers
   * kept per graph (server/repository/kept.ts) are shared by every connection to it, the
   * start's warm-up included.
   */
  get place(): string {
    return this.shared.place;
  }

  get timeoutMs(): number {
    return this.shared.timeoutMs;
  }

  /** Statements sent so far on this driver; tests use it to show a request costs a few. */
  get queryCount(): number {
    return this.shared.queries;
  }

  /** Statements whose caller is still waiting for them. */
  get inFlight(): number {
    return this.shared.inFlight;
  }

  /** Up or down, since when and why: what /health reports. */
  get availability(): Availability {
    return this.shared.availability;
  }

  /**
   * A handle for one API request: reads only (writes throw `ReadOnlyError` before reaching
   * Neo4j, and every read runs in a READ transaction, which Neo4j refuses to write in), each
   * cancelled when `signal` aborts.
   */
  forRequest(signal?: AbortSignal): Database {
    return new Database(this.shared, signal, true);
  }

  /** Runs the named read statement and returns its records as plain objects. */
  read<T extends RecordShape = RecordShape>(
    name: string,
    params: Params = {},
    options: RunOptions = {},
  ): Promise<T[]> {
    return this.run('READ', name, cypher(name), params, options);
  }

  write<T extends RecordShape = RecordShape>(name: string, params: Params = {}): Promise<T[]> {
    return this.run('WRITE', name, cypher(name), params);
  }

  /** Runs several named writes in ONE transaction: all of them take effect, or none. */
  async writeAll(steps: { name: string; params: Params }[], timeoutMs = 120_000): Promise<void> {
    await this.writeSteps(steps, timeoutMs);
  }

  /**
   * Like writeAll, returning each step's records, for the loader: a step is the name of a
   * file or of one statement in it (`name#2`, counted from 0), or `text` made from that file
   * (a schema template). Neo4j's own error goes through unchanged, so a command line can say
   * what it is.
   */
  async writeSteps(
    steps: { name: string; params?: Params; text?: string }[],
    timeoutMs = 120_000,
  ): Promise<RecordShape[][]> {
    if (this.readOnly) throw new ReadOnlyError(steps[0]?.name ?? 'writeAll');
    this.throwIfDown();
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(
        async (tx) => {
          const results: RecordShape[][] = [];
          for (const { name, params = {}, text } of steps) {
            const [file, part] = name.split('#');
            const statement =
              text ?? (part === undefined ? cypher(name) : cypherStatements(file!)[Number(part)]!);
            results.push(await this.runIn(tx, name, statement, params));
          }
          return results;
        },
        {
          timeout: timeoutMs,
          metadata: { app: 'tracegraph', statement: steps[0]?.name ?? 'load' },
        },
      );
    } catch (error) {
      throw this.translate(error);
    } finally {
      await session.close();
    }
  }

  /** Runs a statement that is not a file, e.g. one schema line or an EXPLAIN in a test. */
  async runText<T extends RecordShape = RecordShape>(
    mode: 'READ' | 'WRITE',
    statement: string,
    params: Params = {},
    options: RunOptions = {},
  ): Promise<T[]> {
    return this.run(mode, 'inline', statement, params, options);
  }

  /**
   * Resolves when Neo4j answers a query; rejects otherwise, within `timeoutMs`. No retries:
   * a health check must answer at once, not after the driver's retry loop. Rejects with
   * `DatabaseUnavailableError` (with a `reason` safe to show) or `QueryTimeoutError` (slow).
   */
  async ping(timeoutMs = 3_000): Promise<void> {
    const session = this.session('READ');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        session.run('RETURN 1 AS ok', {}, { timeout: timeoutMs }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new QueryTimeoutError(timeoutMs)), timeoutMs);
        }),
      ]);
    } catch (error) {
      throw error instanceof DatabaseUnavailableError || error instanceof QueryTimeoutError
        ? error
        : new DatabaseUnavailableError(unavailableReason(error) ?? 'no answer', { cause: error });
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.shared.availability.close();
    await this.shared.driver.close();
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.shared.driver.session({
      database: this.shared.database,
      defaultAccessMode: mode,
    });
  }

  private throwIfDown() {
    const { up, reason } = this.shared.availability.current;
    if (!up) throw new DatabaseUnavailableError(reason ?? 'down');
  }

  /** Driver errors that mean "Neo4j is gone" trip the breaker; the rest are typed or passed on. */
  private translate(error: unknown): unknown {
    const reason = unavailableReason(error);
    if (reason !== undefined) {
      this.shared.availability.markDown(reason);
      return error instanceof DatabaseUnavailableError
        ? error
        : new DatabaseUnavailableError(reason, { cause: error });
    }
    if (isTimeout(error)) return new QueryTimeoutError(this.shared.timeoutMs, { cause: error });
    return error;
  }

  private async run<T extends RecordShape>(
    mode: 'READ' | 'WRITE',
    name: string,
    statement: string,
    params: Params,
    options: RunOptions = {},
  ): Promise<T[]> {
    if (mode === 'WRITE' && this.readOnly) throw new ReadOnlyError(name);
    const signal = options.signal ?? this.signal;
    if (signal?.aborted) throw new QueryCancelledError({ cause: signal.reason });
    this.throwIfDown();
    const session = this.session(mode);
    const { timeoutMs } = this.shared;
    const config = { timeout: timeoutMs, metadata: { app: 'tracegraph', statement: name } };
    // A read is one auto-commit transaction: RUN and PULL go out together and the answer
    // ends it, one round trip where BEGIN … COMMIT takes two (1.2 ms less a statement at
    // p50, measured on this machine). Nothing is lost: retries are off anyway (the breaker
    // decides), and a READ session's transaction refuses writes either way.
    const work =
      mode === 'READ'
        ? this.runIn<T>(
            { run: (text, values) => withoutCallSite(() => session.run<T>(text, values, config)) },
            name,
            statement,
            params,
          )
        : session.executeWrite((tx) => this.runIn<T>(tx, name, statement, params), config);
    const { outcome, workSettled } = raceWork(
      work,
      this.shared,
      signal,
      // A request waits no longer than its transaction may run: Neo4j stops the transaction
      // at `timeoutMs`, and the margin lets its own error arrive. Scripts (schema, imports,
      // waiting for indexes) rely on Neo4j's timeout alone; a crowded machine may keep them
      // waiting for a connection longer than that.
      this.readOnly ? timeoutMs + 500 : undefined,
    );
    this.shared.inFlight += 1;
    try {
      return await outcome;
    } catch (error) {
      throw this.translate(error);
    } finally {
      this.shared.inFlight -= 1;
      // Closing a session whose transaction still runs sends Bolt RESET, which makes Neo4j
      // stop and roll it back. Nobody waits for that when the work lost the race.
      const closing = session.close().catch(() => undefined);
      if (workSettled()) await closing;
    }
  }

  /** Runs one statement in a transaction, or as its own auto-commit transaction. */
  private async runIn<T extends RecordShape>(
    runner: Pick<ManagedTransaction, 'run'>,
    name: string,
    statement: string,
    params: Params,
  ): Promise<T[]> {
    const started = performance.now();
    this.shared.queries += 1;
    const result = await runner.run<T>(statement, withIntegers(params));
    log('%s %o %dms', name, params, Math.round(performance.now() - started));
    return result.records.map((record) => record.toObject());
  }
}
