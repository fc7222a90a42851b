import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import createDebug from 'debug';
import {
  GraphQLError,
  type GraphQLFormattedError,
  type ValidationContext,
  type ASTVisitor,
} from 'graphql';
import type { Context } from './context';
import { costLimitPlugin, MAX_COST } from './cost';
import { dbErrorStatusPlugin, formatDbError } from './db-errors';
import { resolvers } from './resolvers';
import { OPERATION_SHAPE } from '../../shared/limits';

const log = createDebug('tracegraph:graphql');

export const SCHEMA_FILE = path.join(__dirname, 'schema.graphql');
export const typeDefs = fs.readFileSync(SCHEMA_FILE, 'utf8');

/** Limits on the shape of an operation, checked before anything runs. */
export const OPERATION_LIMITS = { ...OPERATION_SHAPE, maxCost: MAX_COST } as const;

const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TIMEOUT',
  'DATABASE_UNAVAILABLE',
]);

/**
 * Errors a user can act on pass through with their code; anything else becomes a masked
 * INTERNAL_SERVER_ERROR and a log line, so no stack trace or Cypher leaves the server.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const fromDb = formatDbError(formatted, error);
  if (fromDb) return fromDb;
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const original = unwrapResolverError(error);
  log('internal error: %O', original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * The API only reads: `mutation { … }` or `subscription { … }` is a validation error (400),
 * not an execution failure. (graphql-js 17 has this rule built in as KnownOperationTypes.)
 */
export function knownOperationTypes(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (context.getSchema().getRootType(node.operation)) return;
      context.reportError(
        new GraphQLError(
          `This API is read-only: it has no ${node.operation} operations, only queries.`,
          { nodes: node },
        ),
      );
    },
  };
}

export function createApolloServer(): ApolloServer<Context> {
  const armor = new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth },
    maxAliases: { n: OPERATION_LIMITS.maxAliases },
    // Armor's cost limit counts a list once when its size argument is left to its default;
    // cost.ts counts what the response can carry, defaults included.
    costLimit: { enabled: false },
    // graphql-js counts tokens itself while parsing (parseOptions below), which Apollo
    // answers with a 400; armor's own token plugin throws where Apollo answers 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
    // Introspection is on for GraphiQL, so "did you mean" suggestions reveal nothing new.
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  return new ApolloServer<Context>({
    typeDefs,
    resolvers,
    ...protection,
    parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
    introspection: true,
    csrfPrevention: true,
    // The default landing page loads from a CDN; the explorer bundles its own GraphiQL.
    plugins: [
      ...protection.plugins,
      costLimitPlugin(OPERATION_LIMITS.maxCost),
      ApolloServerPluginLandingPageDisabled(),
      dbErrorStatusPlugin,
      // No cache hints are used; the default cache-control plugin still hooks every field.
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: [knownOperationTypes, ...protection.validationRules],
    formatError,
  });
}

export { GraphQLError };
