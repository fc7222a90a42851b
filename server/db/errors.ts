import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import createDebug from 'debug';

const log = createDebug('tracegraph:db');

/** Codes beyond Apollo's standard ones that a client can act on. */
export const ErrorCode = {
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/**
 * Turns a driver error into a GraphQL error with a code and a message that a user can read.
 * Cypher text, parameters and stack traces stay in the log, never in the response.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const code = error instanceof Neo4jError ? error.code : undefined;
  log('neo4j error %s: %O', code, error);
  if (code?.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new GraphQLError('The query took too long and was stopped; narrow it down.', {
      extensions: { code: ErrorCode.QUERY_TIMEOUT, http: { status: 503 } },
    });
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new GraphQLError('The graph database cannot be reached right now; try again.', {
      extensions: { code: ErrorCode.DATABASE_UNAVAILABLE, http: { status: 503 } },
    });
  }
  return new GraphQLError('Internal server error', {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
}
