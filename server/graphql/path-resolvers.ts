import { formatCitation } from '../../shared/citation';
import { PATH_LIMITS } from '../../shared/limits';
import { explainSearch } from '../domain/path-explanation';
import { explainPaths } from '../repository/path-explain';
import {
  candidatePaths,
  type FoundPath,
  narrate,
  pathWeights,
  type PathsQuery,
  stepDate,
} from '../repository/paths';
import type { DocumentModel } from '../repository/documents';
import type { Context } from './context';
import type { QueryPathsArgs, Resolvers } from './generated/resolvers-types';
import { badInput, checkRelationTypes, dateOrNull, entityOrFail, intInRange } from './inputs';

/** `paths` and `pathSearch` take the same arguments; the schema gives these two defaults. */
type PathArgs = QueryPathsArgs & { maxLength: number; first: number };

/** Checks the arguments (unknown types are refused) and states the search. */
async function pathsQuery(ctx: Context, args: PathArgs): Promise<PathsQuery> {
  const maxLength = intInRange(args.maxLength, 'maxLength', 1, PATH_LIMITS.pathLength);
  const first = intInRange(args.first, 'first', 1, PATH_LIMITS.pathsFirst);
  const avoid = args.avoid ?? [];
  if (avoid.length > PATH_LIMITS.avoid) {
    throw badInput(`avoid takes at most ${PATH_LIMITS.avoid} ids`, 'avoid');
  }
  const types = await checkRelationTypes(ctx.db, args.relationTypes);
  return {
    from: args.from,
    to: args.to,
    maxLength,
    first,
    types,
    avoid,
    avoidHubs: args.avoidHubs ?? false,
    chronological: args.chronological ?? false,
    asOf: dateOrNull(args.asOf),
  };
}

async function toPath(ctx: Context, path: FoundPath) {
  const entities = await ctx.loaders.entities(path.entityIds);
  const steps = narrate(entities, path.relations);
  return {
    entities,
    relations: path.relations,
    length: path.relations.length,
    narrative: steps.join(' '),
    steps,
    hops: path.relations.map((relation, i) => ({
      sentence: steps[i]!,
      relation,
      from: entities[i]!,
      to: entities[i + 1]!,
      forward: relation.sourceId === entities[i]!.id,
      date: stepDate(relation, entities[i + 1]!),
    })),
    hubs: await ctx.loaders.entities(path.hubIds),
    cost: path.cost,
  };
}

/**
 * The ends are looked up (in one batch), the weights read and the searches run side by side:
 * an unknown end finds no path and fails the request all the same.
 */
async function search(ctx: Context, args: PathArgs) {
  const query = await pathsQuery(ctx, args);
  const weights = pathWeights(ctx.db);
  const [ends, found] = await Promise.all([
    Promise.all([entityOrFail(ctx, query.from, 'from'), entityOrFail(ctx, query.to, 'to')]),
    candidatePaths(ctx.db, query, weights),
  ]);
  return { query, ends, weights: await weights, found, best: found.slice(0, query.first) };
}

/** `use` applied to a document: at once when it was read already, else once it is. */
function withDocument<T>(
  ctx: Context,
  id: string,
  use: (document: DocumentModel | null) => T,
): T | Promise<T> {
  const document = ctx.documents.documentOf(id);
  return document instanceof Promise ? document.then(use) : use(document);
}

export const pathResolvers: Pick<Resolvers, 'SourceRef'> & {
  Query: Pick<NonNullable<Resolvers['Query']>, 'paths' | 'pathSearch'>;
} = {
  Query: {
    async paths(_, args, ctx) {
      const { best } = await search(ctx, args);
      return Promise.all(best.map((path) => toPath(ctx, path)));
    },

    async pathSearch(_, args, ctx) {
      const { query, ends, weights, found, best } = await search(ctx, args);
      const why = await explainPaths(ctx.db, query, weights, best, ends);
      const names = async (ids: string[]) => (await ctx.loaders.entities(ids)).map((e) => e.name);
      const nearest = await Promise.all(
        why.nearest.map(async (n) => ({ ...n, entity: (await ctx.loaders.entity.load(n.id))! })),
      );
      const explanation = explainSearch({
        from: ends[0]!.name,
        to: ends[1]!.name,
        maxLength: query.maxLength,
        pathsFound: found.length,
        onlyThroughHubs: why.onlyThroughHubs,
        routeHubs: await names(why.routeHubIds),
        blockedBy: why.blockedBy,
        unlimitedLength: why.unlimitedLength,
        absentEnds: await names(why.absentEnds),
        asOf: query.asOf?.text ?? null,
        avoided: await names(query.avoid),
        nearest: nearest.map((n) => ({ name: n.entity.name, stepsToTarget: n.stepsToTarget })),
      });
      return {
        paths: await Promise.all(best.map((path) => toPath(ctx, path))),
        hubDegree: weights.hubDegree,
        onlyThroughHubs: why.onlyThroughHubs,
        routeHubs: await ctx.loaders.entities(why.routeHubIds),
        blockedBy: why.blockedBy,
        unlimitedLength: why.unlimitedLength,
        absentEnds: await ctx.loaders.entities(why.absentEnds),
        nearest,
        explanation,
      };
    },
  },

  // Synchronous once the response's documents are read (a promise per field made a
  // response of a thousand sources several times slower to complete in graphql-js).
  SourceRef: {
    title: (ref, _, ctx) => withDocument(ctx, ref.document, (d) => d?.title ?? null),
    publisher: (ref, _, ctx) => withDocument(ctx, ref.document, (d) => d?.publisher ?? null),
    url: (ref, _, ctx) => withDocument(ctx, ref.document, (d) => d?.url ?? null),
    date: (ref, _, ctx) => withDocument(ctx, ref.document, (d) => d?.date ?? null),
    citation: (ref, _, ctx) =>
      withDocument(ctx, ref.document, (d) =>
        formatCitation(d ?? { id: ref.document }, ref.paragraphs),
      ),
    paragraphTexts: (ref, _, ctx) => ctx.documents.paragraphs(ref.document, ref.paragraphs),
  },
};
