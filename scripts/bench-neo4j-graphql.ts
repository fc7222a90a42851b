import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import type { Database } from '../server/db/database';

/**
 * The same reads served by @neo4j/graphql, the library a Neo4j user would pick, over the same
 * database. Our relationship types are many (and come from the graph file), so instead of one
 * @relationship field per type the relations are generic @cypher fields: the library's own
 * way to expose a traversal it cannot derive from the type definitions. A relation stores its
 * label only when it is its own (server/domain/relation-words.ts): theirs falls back to the
 * type's name, in Cypher.
 */
const TYPE_DEFS = /* GraphQL */ `
  type Entity @node(labels: ["Entity"]) {
    id: ID!
    name: String!
    kind: String!
    degree: Int
    relations(first: Int = 50): [RelationView!]!
      @cypher(
        statement: """
        MATCH (this)-[r]-(m:Entity)
        WITH r, m ORDER BY m.degree DESC, r.id LIMIT $first
        RETURN {label: coalesce(r.label, type(r)), targetName: endNode(r).name} AS rel
        """
        columnName: "rel"
      )
    neighbours(limit: Int = 200): [Entity!]!
      @cypher(
        statement: """
        MATCH (this)--(m:Entity)
        WITH DISTINCT m ORDER BY m.degree DESC LIMIT $limit
        RETURN m
        """
        columnName: "m"
      )
  }

  type RelationView {
    label: String!
    targetName: String!
  }
`;

/** The requests that match ours (see bench-operations.ts). */
export const NEO4J_GRAPHQL_QUERIES: Record<string, string> = {
  entityWithRelations: `query E($id: ID!) { entities(where: { id: { eq: $id } }) { name relations { label targetName } } }`,
  neighbourhood: `query N($id: ID!) { entities(where: { id: { eq: $id } }) { id neighbours { id } } }`,
};

export async function startNeo4jGraphql(db: Database) {
  const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver: db.driver }).getSchema();
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  const app = express();
  app.use(
    '/graphql',
    express.json(),
    expressMiddleware(apollo, {
      context: async () => ({ sessionConfig: { database: db.database } }),
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async stop() {
      server.close();
      await apollo.stop();
    },
  };
}
