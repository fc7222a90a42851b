import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type GraphQLOutputType,
} from 'graphql';
import { RELATIONS_PER_ENTITY } from '../repository/neighborhood';
import { LIMITS, PATH_LIMITS } from '../../shared/limits';

/**
 * The cost of an operation is an upper bound on the number of values its response can
 * carry: every field counts 1 (a free-text field counts TEXT_WEIGHT: it is several times
 * longer than a name or an id), and a list multiplies its items' cost by the most items it
 * can hold. That bound comes from the field's size argument *with its default applied*
 * (`relations` without `first` holds up to 50), capped by the resolver's own limit, or for
 * the lists of a subgraph or a path from the arguments of the field above them (a
 * neighbourhood's `limit`, a path's `maxLength`). Hence the walk goes top-down over the
 * operation, with graphql-js's own `getArgumentValues` resolving variables and defaults.
 *
 * MAX_COST admits the explorer's own heaviest request (the whole-graph view at its 2000
 * entities and 5000 relations, every field, cost ~168k) and little more: at the default
 * graph's ~20-30 bytes a value that is a few MB at most.
 */
export const MAX_COST = 200_000;

/** Free text: summaries run to a few hundred characters where an id or a date is ~20. */
const TEXT_WEIGHT = 5;
const TEXT_FIELDS = new Set([
  'Entity.summary',
  'Entity.beyondSource',
  'Relation.summary',
  'Relation.beyondSource',
  'Path.narrative',
]);

/**
 * Lists of objects whose length the data decides: estimates from the data, not caps. (A
 * list of strings or numbers, such as aliases, counts as one value.)
 */
const DATA_SIZED: Record<string, number> = {
  'Entity.sources': 2,
  'Relation.sources': 2,
  'GraphStats.byKind': 12,
  'GraphStats.byRelationType': 100,
  'Query.relationTypes': 100,
};

/**
 * Work in Neo4j that the response size does not show: a path search or a deeper
 * neighbourhood explores far more than it returns, and doubles (or worse) with each step.
 * Twenty aliased `paths(maxLength: 6)` would keep Neo4j busy for twenty transaction
 * timeouts; at 5000 per doubling only one such search fits in an operation, or five at the
 * default maxLength of 4.
 */
const SEARCH_WORK = 5_000;
/**
 * An overview's positions not yet kept are a force-directed layout run on the server's one
 * thread: an operation holds at most three overviews that ask for them.
 */
const LAYOUT_WORK = 40_000;

type Args = Record<string, unknown>;
/** Sizes a parent field sets for the lists of the type below it. */
type ChildSizes = Record<string, number>;

const capped = (value: unknown, max: number) =>
  Math.min(max, Math.max(1, typeof value === 'number' && Number.isFinite(value) ? value : max));

function subgraphSizes(entities: number, relations: number): ChildSizes {
  return { entities, relations };
}

function pathSizes(steps: number): ChildSizes {
  return { entities: steps + 1, relations: steps, steps, hops: steps, hubs: steps - 1 };
}

/** The most items a list field can return, and the sizes it sets for its children. */
function sizes(
  parent: string,
  field: string,
  args: Args,
  inherited: ChildSizes,
): { items: number; work?: number; children: ChildSizes } {
  const none = {};
  switch (`${parent}.${field}`) {
    case 'Query.search':
      return { items: capped(args.first, LIMITS.searchFirst), children: none };
    case 'Query.timeline':
      return { items: capped(args.first, LIMITS.timelineFirst), children: none };
    case 'Entity.relations':
      return { items: capped(args.first, LIMITS.relationsFirst), children: none };
    case 'Query.neighborhood': {
      const limit = capped(args.limit, LIMITS.neighborhoodLimit);
      const depth = capped(args.depth, LIMITS.depth);
      return {
        items: 1,
        work: SEARCH_WORK * 2 ** (depth - 1),
        children: subgraphSizes(limit, limit * RELATIONS_PER_ENTITY),
      };
    }
    case 'Query.graph': {
      const limit = capped(args.limit, LIMITS.graphLimit);
      return {
        items: 1,
        children: subgraphSizes(limit, Math.min(limit * 20, LIMITS.graphRelations)),
      };
    }
    case 'Query.overview': {
      const limit = capped(args.limit, LIMITS.overviewLimit);
      return { items: 1, children: { ...subgraphSizes(limit, limit * 3), positions: limit } };
    }
    case 'Overview.positions':
      return { items: inherited.positions ?? 1, work: LAYOUT_WORK, children: none };
    case 'Query.paths': {
      const steps = capped(args.maxLength, PATH_LIMITS.pathLength);
      return {
        items: capped(args.first, PATH_LIMITS.pathsFirst),
        work: SEARCH_WORK * 2 ** (steps - 1),
        children: pathSizes(steps),
      };
    }
    case 'Query.pathSearch': {
      const steps = capped(args.maxLength, PATH_LIMITS.pathLength);
      const first = capped(args.first, PATH_LIMITS.pathsFirst);
      return {
        items: 1,
        work: SEARCH_WORK * 2 ** (steps - 1),
        children: { paths: first, routeHubs: 10, blockedBy: 6, absentEnds: 2, nearest: 5 },
      };
    }
    case 'PathSearch.paths':
      // The steps were set by the search's maxLength, one level up: count the most.
      return {
        items: inherited.paths ?? PATH_LIMITS.pathsFirst,
        children: pathSizes(PATH_LIMITS.pathLength),
      };
  }
  return { items: inherited[field] ?? DATA_SIZED[`${parent}.${field}`] ?? 1, children: none };
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * Introspection (GraphiQL's schema query) is sized by the schema, not by the data: each
 * of its fields counts once.
 */
function introspectionCost(selectionSet: SelectionSetNode | undefined): number {
  let cost = 0;
  for (const selection of selectionSet?.selections ?? []) {
    cost += 1 + introspectionCost('selectionSet' in selection ? selection.selectionSet : undefined);
  }
  return cost;
}

export class OperationCost {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    fragments: readonly FragmentDefinitionNode[],
    private readonly variables: Args,
  ) {
    for (const fragment of fragments) this.fragments.set(fragment.name.value, fragment);
  }

  operation(operation: OperationDefinitionNode): number {
    const root = this.schema.getRootType(operation.operation);
    return root ? this.selectionSet(operation.selectionSet, root, {}) : 0;
  }

  private included(node: { directives?: readonly unknown[] }): boolean {
    const n = node as Parameters<typeof getDirectiveValues>[1];
    if (getDirectiveValues(GraphQLSkipDirective, n, this.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, n, this.variables)?.if !== false;
  }

  private selectionSet(set: SelectionSetNode, type: GraphQLNamedType, inherited: ChildSizes) {
    let cost = 0;
    for (const selection of set.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) {
          cost += 1 + introspectionCost(selection.selectionSet);
          continue;
        }
        if (!isObjectType(type)) continue;
        const field: GraphQLField<unknown, unknown> | undefined = type.getFields()[name];
        if (!field) continue; // validation has refused it already
        const args = getArgumentValues(field, selection, this.variables);
        const { items, work = 0, children } = sizes(type.name, name, args, inherited);
        const below = selection.selectionSet
          ? this.selectionSet(selection.selectionSet, getNamedType(field.type), children)
          : 0;
        const own = TEXT_FIELDS.has(`${type.name}.${name}`) ? TEXT_WEIGHT : 1;
        cost += work + (isList(field.type) ? items : 1) * (own + below);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += this.selectionSet(selection.selectionSet, type, inherited);
      } else {
        // A fragment spread many times costs one walk: its cost depends only on where it is.
        const key = `${selection.name.value}|${type.name}|${JSON.stringify(inherited)}`;
        let spread = this.memo.get(key);
        if (spread === undefined) {
          const fragment = this.fragments.get(selection.name.value);
          spread = fragment ? this.selectionSet(fragment.selectionSet, type, inherited) : 0;
          this.memo.set(key, spread);
        }
        cost += spread;
      }
    }
    return cost;
  }
}

/**
 * The cost of an operation of a parsed document (its only or named one) with the variables
 * a request sends, or undefined when the variables do not coerce (execution then refuses
 * the request before any resolver runs).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Args = {},
): number | undefined {
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  // Variables as execution will see them: coerced, their own defaults applied.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return undefined;
  return new OperationCost(schema, fragments, coerced.coerced).operation(operation);
}

/**
 * Refuses, before anything runs, an operation whose cost is above MAX_COST: a 400 with
 * GRAPHQL_VALIDATION_FAILED and the cost and the limit in the message and extensions.
 */
/** Costs already computed, per operation (Apollo reuses a parsed document) and variables. */
const COSTS_PER_OPERATION = 256;

export function costLimitPlugin(maxCost = MAX_COST): ApolloServerPlugin {
  const known = new WeakMap<OperationDefinitionNode, Map<string, number | undefined>>();
  const costOf = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Args | undefined,
  ) => {
    let costs = known.get(operation);
    if (!costs) known.set(operation, (costs = new Map()));
    const key = JSON.stringify(variables ?? {});
    if (costs.has(key)) return costs.get(key);
    if (costs.size >= COSTS_PER_OPERATION) costs.clear();
    const cost = operationCost(schema, document, operation, variables);
    costs.set(key, cost);
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const cost = costOf(schema, document, operation, request.variables);
          if (cost === undefined || cost <= maxCost) return;
          throw new GraphQLError(
            `Query cost ${cost} is above the limit of ${maxCost}: ask for fewer items ` +
              '(lists count their `first`/`limit`, defaults included) or fewer nested lists.',
            {
              extensions: {
                code: 'GRAPHQL_VALIDATION_FAILED',
                cost,
                maxCost,
                http: { status: 400 },
              },
            },
          );
        },
      };
    },
  };
}
