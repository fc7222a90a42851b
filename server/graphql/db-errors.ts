import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import {
  DatabaseUnavailableError,
  QueryCancelledError,
  QueryTimeoutError,
  ReadOnlyError,
} from '../db/errors';

/** Codes beyond Apollo's standard ones that a client can act on. */
export const DbErrorCode = {
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  QUERY_CANCELLED: 'QUERY_CANCELLED',
} as const;

const STATUS: Record<string, number> = {
  [DbErrorCode.DATABASE_UNAVAILABLE]: 503,
  [DbErrorCode.QUERY_TIMEOUT]: 503,
};

/**
 * The GraphQL face of `server/db`'s typed errors: a code and a message a user can read, or
 * undefined for any other error (formatError masks those). Nothing from the driver (addresses,
 * Cypher) reaches the message.
 */
export function formatDbError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError | undefined {
  const original = unwrapResolverError(error);
  const answer = (message: string, code: string, extra: Record<string, unknown> = {}) => ({
    message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code, ...extra },
  });
  if (original instanceof DatabaseUnavailableError) {
    return answer(
      'The graph database cannot be reached right now; try again shortly.',
      DbErrorCode.DATABASE_UNAVAILABLE,
      { reason: original.reason },
    );
  }
  if (original instanceof QueryTimeoutError) {
    return answer(
      'The query took too long and was stopped; narrow it down.',
      DbErrorCode.QUERY_TIMEOUT,
    );
  }
  if (original instanceof QueryCancelledError) {
    return answer('The request was abandoned; its query was stopped.', DbErrorCode.QUERY_CANCELLED);
  }
  if (original instanceof ReadOnlyError) {
    return answer('This API only reads the graph.', 'FORBIDDEN');
  }
  return undefined;
}

/**
 * Answers 503 when the database is unavailable or a query ran out of time, so load balancers
 * and retrying clients see it without reading the body. Apollo would answer 200.
 */
export const dbErrorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const codes = (response.body.singleResult.errors ?? []).map((e) => e.extensions?.code);
        const status = codes.map((code) => STATUS[String(code)]).find((s) => s !== undefined);
        if (status !== undefined) response.http.status = status;
      },
    };
  },
};
