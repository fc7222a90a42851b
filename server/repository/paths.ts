import type { Database } from '../db/database';
import type { PartialDate } from '../domain/dates';
import { neverBackInTime, readableDate } from '../domain/chronology';
import { sentence } from '../../shared/grammar';
import { type CostWeights, pathCost } from '../domain/path-cost';
import type { EntityModel, RelationModel } from './records';
import { toRelation } from './records';

/** A path search as the API states it, after its arguments were checked. */
export interface PathsQuery {
  from: string;
  to: string;
  maxLength: number;
  first: number;
  types: string[] | null;
  avoid: string[];
  avoidHubs: boolean;
  chronological: boolean;
  asOf: PartialDate | null;
}

/** What ranking needs from the loaded graph's derived data (an entity is a hub from hubDegree). */
export type PathWeights = CostWeights;

export interface FoundPath {
  entityIds: string[];
  relations: RelationModel[];
  degrees: number[];
  /** How little the path says (server/domain/path-cost.ts): lower comes first. */
  cost: number;
  /** The hubs passed on the way, in walking order (never the two ends). */
  hubIds: string[];
}

interface PathRow {
  ids: string[];
  degrees: number[];
  /** The start of each entity that is an event, null for the others. */
  eventDates: (string | null)[];
  relations: Record<string, unknown>[];
}

interface WeightsRow {
  hubDegree: number | null;
  byRelationType: string | null;
}

/** The loaded graph's derived data (GraphMeta, written by the loader with every load). */
export async function pathWeights(db: Database): Promise<PathWeights> {
  const [row] = await db.read<WeightsRow>('path-weights');
  if (!row || row.hubDegree === null || row.byRelationType === null) {
    throw new Error(
      'The graph was loaded without its derived data (degrees, hub degree): load it again (npm run seed or npm run import).',
    );
  }
  const byType = JSON.parse(row.byRelationType) as { type: string; count: number }[];
  return {
    hubDegree: Number(row.hubDegree),
    typeCounts: new Map(byType.map((t) => [t.type, Number(t.count)])),
  };
}

/**
 * Every candidate path under the query's limits (see cypher/paths.cypher), ranked by cost,
 * then length, then ids so that equal costs come in a stable order.
 */
export async function candidatePaths(
  db: Database,
  q: PathsQuery,
  /** A promise when it is still being read: the search through hubs needs none of it. */
  weighing: PathWeights | Promise<PathWeights>,
): Promise<FoundPath[]> {
  const pending = Promise.resolve(weighing);
  if (q.from === q.to) {
    await pending;
    return [];
  }
  // The ends themselves are never avoided: a user who asks for them wants them.
  const blocked = q.avoid.filter((id) => id !== q.from && id !== q.to);
  const search = (statement: `${'paths' | 'paths-shortest'}${'' | '-unfiltered'}`) =>
    db.read<PathRow>(`${statement}~${q.maxLength}`, {
      from: q.from,
      to: q.to,
      maxLength: q.maxLength,
      types: q.types,
      blocked,
      asOfMin: q.asOf?.min ?? null,
      asOfMax: q.asOf?.max ?? null,
    });
  // The 25 shortest paths that pass no hub (paths.cypher reads the hub degree itself, so it
  // starts beside the weights), and unless hubs are avoided the shortest through anything
  // (cypher/paths-shortest.cypher says why that one searches from both ends). With nothing
  // to filter, each runs its `-unfiltered` twin, which checks less at each step. Two
  // statements, so side by side: each is planned and cached on its own.
  const twin = q.types !== null || blocked.length > 0 || q.asOf !== null ? '' : '-unfiltered';
  const searches = await Promise.all([
    search(`paths${twin}`),
    ...(q.avoidHubs ? [] : [search(`paths-shortest${twin}`)]),
  ]);
  const weights = await pending;
  const unique = new Map(
    searches.flat().map((row) => [JSON.stringify(row.relations.map((r) => r.id)), row]),
  );
  const rows = [...unique.values()];
  const found = rows.flatMap((row) => {
    const relations = row.relations.map(toRelation);
    const dates = relations.map((r, i) => r.start ?? row.eventDates[i + 1] ?? null);
    if (q.chronological && !neverBackInTime(dates)) return [];
    const cost = pathCost({ types: relations.map((r) => r.type), degrees: row.degrees }, weights);
    const hubIds = row.ids.filter(
      (_, i) => i > 0 && i < row.ids.length - 1 && row.degrees[i]! >= weights.hubDegree,
    );
    return [{ entityIds: row.ids, relations, degrees: row.degrees, cost, hubIds }];
  });
  const key = (p: FoundPath) => p.relations.map((r) => r.id).join(' ');
  return found.sort(
    (a, b) =>
      a.cost - b.cost || a.relations.length - b.relations.length || (key(a) < key(b) ? -1 : 1),
  );
}

/** A step's date: its relation's, or else that of the event it reaches. */
export function stepDate(relation: RelationModel, reached: EntityModel): string | null {
  return relation.start ?? (reached.kind === 'EVENT' ? reached.start : null);
}

/**
 * One sentence per step, read in walking order: a relation walked along its direction uses
 * its label ("Shinzo Abe met with Park Geun-hye"), one walked against it the inverse label
 * ("the 2015 agreement was reached by Japan"); the verb agrees with a plural group ("Korean
 * people are involved in …"); a dated step ends with its date ("… approved the pact (2012).").
 */
export function narrate(entities: EntityModel[], relations: RelationModel[]): string[] {
  return relations.map((relation, i) => {
    const here = entities[i]!;
    const next = entities[i + 1]!;
    const forward = relation.sourceId === here.id;
    const date = stepDate(relation, next);
    const when = date ? ` (${readableDate(date)})` : '';
    return `${sentence(here, forward ? relation.label : relation.inverseLabel, next.name)}${when}.`;
  });
}
