import {
  type FieldNode,
  type GraphQLResolveInfo,
  type GraphQLScalarType,
  getArgumentValues,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { RelationsKey } from '../repository/loaders';
import { ENTITY_KINDS } from '../../shared/kinds';
// Caps on every size argument (shared/limits.ts); the schema's descriptions state the same.
import { LIMITS } from '../../shared/limits';
import {
  BRIEF_ENTITY_FIELDS,
  BRIEF_RELATION_FIELDS,
  neighborhood,
} from '../repository/neighborhood';
import { overview, topSubgraph } from '../repository/overview';
import { overviewLayout } from '../repository/overview-layout';
import type { SubgraphIds } from '../repository/neighborhood';
import type { EntityModel } from '../repository/records';
import type { Resolvers } from './generated/resolvers-types';
import { MAX_SEARCH_TEXT, search } from '../repository/search';
import { timeline } from '../repository/timeline';
import type { Context } from './context';
import { DateScalar } from './date-scalar';
import { pathResolvers } from './path-resolvers';
import {
  badInput,
  checkRelationTypes,
  dateOrNull,
  entityOrFail,
  intInRange,
  unknownEntity,
} from './inputs';

/** Relations drawn per entity: `graph` draws a dense picture, the overview a legible one. */
const GRAPH_RELATIONS_PER_ENTITY = 20;
const OVERVIEW_RELATIONS_PER_ENTITY = 3;

/**
 * The arguments of `relations` when the selection under this field asks for it (the first
 * such field; fragments are left to the field resolver), checked as Entity.relations checks
 * them; undefined when absent or invalid (the field resolver then reports the error).
 */
async function selectedRelations(
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<Omit<RelationsKey, 'id'> | undefined> {
  const node = info.fieldNodes[0]?.selectionSet?.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'relations',
  );
  const entityType = info.schema.getType('Entity');
  if (!node || !isObjectType(entityType)) return undefined;
  try {
    const args = getArgumentValues(entityType.getFields().relations!, node, info.variableValues);
    const first = intInRange(args.first as number, 'first', 1, LIMITS.relationsFirst);
    const types = await checkRelationTypes(ctx.db, args.types as string[] | null, 'types');
    const direction = args.direction as RelationsKey['direction'];
    return { types, direction, first, brief: briefRelations(info, [node]) };
  } catch {
    return undefined;
  }
}

/** Whether every field of `set` is among `allowed` (or `__typename`), fragments followed. */
function onlyAmong(
  info: GraphQLResolveInfo,
  set: SelectionSetNode | undefined,
  allowed: readonly string[],
): boolean {
  return (set?.selections ?? []).every((s) => {
    if (s.kind === Kind.FIELD) {
      return s.name.value === '__typename' || allowed.includes(s.name.value);
    }
    if (s.kind === Kind.INLINE_FRAGMENT) return onlyAmong(info, s.selectionSet, allowed);
    const fragment = info.fragments[s.name.value];
    return fragment !== undefined && onlyAmong(info, fragment.selectionSet, allowed);
  });
}

/**
 * The fields named `name` selected under this one, fragments followed: what a resolver
 * looks at to skip a statement, or to leave in Neo4j what nobody selected.
 */
function selected(info: GraphQLResolveInfo, name: string): FieldNode[] {
  return fieldsIn(info, info.fieldNodes, name);
}

/** The fields named `name` in the selections of `nodes`, fragments followed. */
function fieldsIn(
  info: GraphQLResolveInfo,
  nodes: readonly FieldNode[],
  name: string,
): FieldNode[] {
  const found: FieldNode[] = [];
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === name) found.push(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else walk(info.fragments[s.name.value]?.selectionSet);
    }
  };
  for (const node of nodes) walk(node.selectionSet);
  return found;
}

/** What a brief read of an entity's relations answers: no text, dates or sources. */
const BRIEF_RELATION_READ = [...BRIEF_RELATION_FIELDS, 'label', 'inverseLabel'];

/**
 * Whether these `relations` fields ask only what a brief read answers, of the relations and
 * of their ends (relations-of.cypher then leaves the rest in Neo4j).
 */
function briefRelations(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): boolean {
  return (
    nodes.every((node) => onlyAmong(info, node.selectionSet, BRIEF_RELATION_READ)) &&
    ['source', 'target'].every((end) =>
      fieldsIn(info, nodes, end).every((e) => onlyAmong(info, e.selectionSet, BRIEF_ENTITY_FIELDS)),
    )
  );
}

/** Whether the fields named `name` under this one (if any) ask only for `allowed`. */
function asksOnly(info: GraphQLResolveInfo, name: string, allowed: readonly string[]): boolean {
  return selected(info, name).every((f) => onlyAmong(info, f.selectionSet, allowed));
}

/**
 * A relation's end: the brief record the neighbourhood returned when only brief fields are
 * asked of it, else the entity's whole record (batched).
 */
function relationEnd(
  ctx: Context,
  id: string,
  info: GraphQLResolveInfo,
): EntityModel | Promise<EntityModel> {
  // At once when read already: a promise per end made a picture's relations slow to complete.
  const known = ctx.loaders.known(id);
  if (known) return known;
  const brief = ctx.loaders.brief(id);
  if (brief && info.fieldNodes.every((f) => onlyAmong(info, f.selectionSet, BRIEF_ENTITY_FIELDS)))
    return brief;
  // Every relation end exists (the loader refuses dangling ends), hence the assertion.
  return ctx.loaders.entity.load(id) as Promise<EntityModel>;
}

/** The overview the explorer opens on, the schema's default limit: the one laid out here. */
function explorerOverviewLimit(info: GraphQLResolveInfo): unknown {
  return info.parentType.getFields().overview?.args.find((a) => a.name === 'limit')?.defaultValue;
}

async function subgraph(ctx: Context, result: SubgraphIds) {
  ctx.loaders.remember(result.known);
  ctx.loaders.rememberBrief(result.brief ?? []);
  const brief = new Set(result.brief?.map((e) => e.id));
  const loaded = await ctx.loaders.entities(result.entityIds.filter((id) => !brief.has(id)));
  const full = new Map(loaded.map((e) => [e.id, e]));
  return {
    // In the walk's order; a brief record only where the walk returned one.
    entities: result.entityIds.flatMap(
      (id) => full.get(id) ?? (brief.has(id) ? ctx.loaders.brief(id)! : []),
    ),
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
      const hits = await search(ctx.db, ctx.documents, text, args.kinds ?? null, first);
      // The hits carry their entities: later selections of them cost no round trip.
      for (const hit of hits) ctx.loaders.entity.prime(hit.entity.id, hit.entity);
      return hits;
    },

    async entity(_, args, ctx, info) {
      // Asked with its relations (the details pane's request): one statement reads both.
      const wanted = await selectedRelations(ctx, info);
      if (wanted) await ctx.loaders.relations.load({ id: args.id, ...wanted }).catch(() => null);
      return ctx.loaders.entity.load(args.id);
    },

    async neighborhood(_, args, ctx, info) {
      const { id } = args;
      const depth = intInRange(args.depth, 'depth', 1, LIMITS.depth);
      const limit = intInRange(args.limit, 'limit', 1, LIMITS.neighborhoodLimit);
      const types = await checkRelationTypes(ctx.db, args.relationTypes);
      const asOf = dateOrNull(args.asOf);
      const relations = selected(info, 'relations').length > 0;
      const detail = {
        entityDetail: !asksOnly(info, 'entities', BRIEF_ENTITY_FIELDS),
        relationDetail: !asksOnly(info, 'relations', BRIEF_RELATION_FIELDS),
      };
      // The walk's first statement reads the entity too: none for an unknown id.
      const found = await neighborhood(ctx.db, {
        id,
        depth,
        limit,
        types,
        asOf,
        relations,
        ...detail,
      });
      if (!found) throw unknownEntity(id, 'id');
      return subgraph(ctx, found);
    },

    ...pathResolvers.Query,

    async timeline(_, args, ctx, info) {
      const first = intInRange(args.first, 'first', 1, LIMITS.timelineFirst);
      const from = dateOrNull(args.from);
      const to = dateOrNull(args.to);
      if (from && to && to.max < from.min) throw badInput('to must not be before from', 'to');
      const entityId = args.entityId ?? null;
      const kinds = args.kinds ?? null;
      const detail = {
        entityDetail: !asksOnly(info, 'entity', BRIEF_ENTITY_FIELDS),
        relationDetail: !asksOnly(info, 'relation', BRIEF_RELATION_FIELDS),
      };
      // The entity is looked up while its timeline is read: an unknown one has none.
      const [, rows] = await Promise.all([
        entityId === null ? null : entityOrFail(ctx, entityId, 'entityId'),
        timeline(ctx.db, { from, to, entityId, kinds, first, ...detail }, ctx.loaders.meta),
      ]);
      for (const row of rows) {
        if (detail.entityDetail) ctx.loaders.remember(row.known);
        else ctx.loaders.rememberBrief(row.known);
      }
      return rows;
    },

    async stats(_, __, ctx) {
      const meta = await ctx.loaders.meta();
      return {
        entities: meta.entities,
        relations: meta.relations,
        byKind: meta.byKind,
        byRelationType: meta.byRelationType,
      };
    },

    kinds: () => [...ENTITY_KINDS],

    relationTypes: async (_, __, ctx) => (await ctx.loaders.meta()).byRelationType,

    async graph(_, args, ctx) {
      const limit = intInRange(args.limit, 'limit', 1, LIMITS.graphLimit);
      return subgraph(
        ctx,
        await topSubgraph(ctx.db, limit, GRAPH_RELATIONS_PER_ENTITY, LIMITS.graphRelations),
      );
    },

    async overview(_, args, ctx, info) {
      const limit = intInRange(args.limit, 'limit', 1, LIMITS.overviewLimit);
      const found = await overview(ctx.db, ctx.loaders.meta, limit, OVERVIEW_RELATIONS_PER_ENTITY);
      ctx.loaders.remember(found.known);
      // Their documents came with it, so that each source resolves at once.
      ctx.documents.remember(found.documents);
      return {
        entities: found.known,
        relations: found.relations,
        // One layout per loaded graph, the explorer's (it blocks the server's thread for up
        // to a second or two on 10k entities): other limits cannot make the server lay out more.
        positions:
          limit === explorerOverviewLimit(info) && selected(info, 'positions').length > 0
            ? await overviewLayout(found.known, found.relations)
            : [],
        totalEntities: found.totalEntities,
        totalRelations: found.totalRelations,
        hiddenEntities: Math.max(0, found.totalEntities - found.entityIds.length),
        hiddenRelations: Math.max(0, found.totalRelations - found.relations.length),
      };
    },
  },

  Entity: {
    async relations(entity, args, ctx, info) {
      const first = intInRange(args.first, 'first', 1, LIMITS.relationsFirst);
      const types = await checkRelationTypes(ctx.db, args.types, 'types');
      const { direction } = args;
      const brief = briefRelations(info, info.fieldNodes);
      return ctx.loaders.relations.load({ id: entity.id, types, direction, first, brief });
    },
  },

  SourceRef: pathResolvers.SourceRef,

  Relation: {
    source: (relation, _, ctx, info) => relationEnd(ctx, relation.sourceId, info),
    target: (relation, _, ctx, info) => relationEnd(ctx, relation.targetId, info),
  },
};
