import type { GraphQLScalarType } from 'graphql';
import { ENTITY_KINDS } from '../domain/kinds';
import { neighborhood } from '../repository/neighborhood';
import { type EntityModel, type RelationModel, toRelation } from '../repository/records';
import type { GraphStats, Resolvers } from './generated/resolvers-types';
import { MAX_SEARCH_TEXT, search } from '../repository/search';
import { timeline } from '../repository/timeline';
import type { Context } from './context';
import { DateScalar } from './date-scalar';
import { pathResolvers } from './path-resolvers';
import { badInput, checkRelationTypes, dateOrNull, intInRange } from './inputs';

/** Caps on every size argument; the schema's descriptions state the same numbers. */
export const LIMITS = {
  searchFirst: 50,
  relationsFirst: 500,
  depth: 3,
  neighborhoodLimit: 500,
  timelineFirst: 1000,
  graphLimit: 5000,
} as const;

type Subgraph = { entityIds: string[]; relations: RelationModel[]; truncated: boolean };

async function entityOrFail(ctx: Context, id: string, argument: string): Promise<EntityModel> {
  const entity = await ctx.loaders.entity.load(id);
  if (!entity) throw badInput(`No entity with id "${id}"`, argument);
  return entity;
}

async function subgraph(ctx: Context, result: Subgraph) {
  return {
    entities: await ctx.loaders.entities(result.entityIds),
    relations: result.relations,
    truncated: result.truncated,
  };
}

export const resolvers: Resolvers = {
  // A scalar config (not a GraphQLScalarType) keeps the description from schema.graphql;
  // Apollo accepts both, the generated type only names the class.
  Date: DateScalar as unknown as GraphQLScalarType,

  Query: {
    async search(_, args, ctx) {
      const { text } = args;
      if (text.length > MAX_SEARCH_TEXT) {
        throw badInput(`text must be at most ${MAX_SEARCH_TEXT} characters`, 'text');
      }
      const first = intInRange(args.first, 'first', 1, LIMITS.searchFirst);
      const hits = await search(ctx.db, text, args.kinds ?? null, first);
      const entities = await ctx.loaders.entities(hits.map((h) => h.id));
      return hits.map((hit, i) => ({ entity: entities[i]!, score: hit.score }));
    },

    entity: (_, args, ctx) => ctx.loaders.entity.load(args.id),

    async neighborhood(_, args, ctx) {
      const { id } = args;
      const depth = intInRange(args.depth, 'depth', 1, LIMITS.depth);
      const limit = intInRange(args.limit, 'limit', 1, LIMITS.neighborhoodLimit);
      const types = await checkRelationTypes(ctx.db, args.relationTypes);
      await entityOrFail(ctx, id, 'id');
      const asOf = dateOrNull(args.asOf);
      return subgraph(ctx, await neighborhood(ctx.db, { id, depth, limit, types, asOf }));
    },

    ...pathResolvers.Query,

    async timeline(_, args, ctx) {
      const first = intInRange(args.first, 'first', 1, LIMITS.timelineFirst);
      const from = dateOrNull(args.from);
      const to = dateOrNull(args.to);
      if (from && to && to.max < from.min) throw badInput('to must not be before from', 'to');
      const entityId = args.entityId ?? null;
      if (entityId !== null) await entityOrFail(ctx, entityId, 'entityId');
      const rows = await timeline(ctx.db, { from, to, entityId, first });
      // Concurrent loads: DataLoader fetches all the events' entities in one statement.
      return Promise.all(
        rows.map(async (row) => ({
          date: row.date,
          title: row.title,
          entity: row.entityId ? await ctx.loaders.entity.load(row.entityId) : null,
          relation: row.relation,
        })),
      );
    },

    async stats(_, __, ctx) {
      const [row] = await ctx.db.read<GraphStats>('stats');
      return row!;
    },

    kinds: () => [...ENTITY_KINDS],

    async relationTypes(_, __, ctx) {
      const [row] = await ctx.db.read<GraphStats>('stats');
      return row?.byRelationType ?? [];
    },

    async graph(_, args, ctx) {
      const limit = intInRange(args.limit, 'limit', 1, LIMITS.graphLimit);
      const rows = await ctx.db.read<{ id: string }>('top-entities', { limit: limit + 1 });
      const ids = rows.slice(0, limit).map((r) => r.id);
      const relations = await ctx.db.read<{ relation: Record<string, unknown> }>(
        'relations-among',
        { ids, types: null, asOfMin: null, asOfMax: null, limit: ids.length * 20 },
      );
      return subgraph(ctx, {
        entityIds: ids,
        relations: relations.map((r) => toRelation(r.relation)),
        truncated: rows.length > limit,
      });
    },
  },

  Entity: {
    async relations(entity, args, ctx) {
      const first = intInRange(args.first, 'first', 1, LIMITS.relationsFirst);
      const types = await checkRelationTypes(ctx.db, args.types, 'types');
      return ctx.loaders.relations.load({ id: entity.id, types, direction: args.direction, first });
    },
  },

  SourceRef: pathResolvers.SourceRef,

  Relation: {
    // Every relation end exists (the loader refuses dangling ends), hence the assertion.
    source: async (relation, _, ctx) => (await ctx.loaders.entity.load(relation.sourceId))!,
    target: async (relation, _, ctx) => (await ctx.loaders.entity.load(relation.targetId))!,
  },
};
