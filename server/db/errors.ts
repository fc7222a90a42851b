import { Neo4jError } from 'neo4j-driver';

/**
 * The errors `server/db` throws. They say what happened to the database, not what to answer:
 * the GraphQL layer (`server/graphql/db-errors.ts`) maps them to codes and HTTP statuses.
 * Any other error (a Cypher mistake, a constraint) passes through unchanged.
 */
export class DatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Neo4j cannot be reached (stopped, restarting, refusing our credentials). */
export class DatabaseUnavailableError extends DatabaseError {
  constructor(
    /** Why, in a few words that are safe to show (no address, no credentials). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The graph database is unavailable: ${reason}`, options);
  }
}

/** The transaction ran out of its time (Neo4j stopped it, or we stopped waiting). */
export class QueryTimeoutError extends DatabaseError {
  constructor(
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`The query took longer than ${timeoutMs} ms and was stopped`, options);
  }
}

/** The caller gave up (its HTTP client hung up); the transaction was rolled back. */
export class QueryCancelledError extends DatabaseError {
  constructor(options?: { cause?: unknown }) {
    super('The query was cancelled because its request was abandoned', options);
  }
}

/** A write was attempted through a read-only handle (the API's request path). */
export class ReadOnlyError extends DatabaseError {
  constructor(statement: string) {
    super(`"${statement}" would write, and this connection only reads`);
  }
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** A few words on why Neo4j cannot be used, when `error` says it cannot; else undefined. */
export function unavailableReason(error: unknown): string | undefined {
  if (error instanceof DatabaseUnavailableError) return error.reason;
  if (!(error instanceof Neo4jError)) return undefined;
  if (error.code === 'Neo.ClientError.Security.Unauthorized')
    return 'Neo4j refused our credentials';
  if (error.code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return 'Neo4j refused our credentials (too many attempts)';
  }
  if (!UNAVAILABLE_CODES.has(error.code)) return undefined;
  if (/ECONNREFUSED/.test(error.message)) return 'connection refused (Neo4j is not running)';
  if (/ECONNRESET|closed|ended/i.test(error.message)) return 'connection lost';
  if (/timed? ?out/i.test(error.message)) return 'connection timed out';
  if (error.code === 'Neo.TransientError.General.DatabaseUnavailable') return 'database starting';
  return 'cannot connect';
}

/** True when Neo4j stopped the transaction for running out of time. */
export function isTimeout(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')
  );
}
