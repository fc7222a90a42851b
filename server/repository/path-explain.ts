import type { Database } from '../db/database';
import { isPartialDate, parseDate } from '../domain/dates';
import { candidatePaths, type FoundPath, type PathsQuery, type PathWeights } from './paths';
import type { EntityModel } from './records';

/** A limit of a path search that can stand between the two ends. */
export type PathLimit =
  'MAX_LENGTH' | 'AVOID' | 'AVOID_HUBS' | 'RELATION_TYPES' | 'AS_OF' | 'CHRONOLOGICAL';

export interface NearestModel {
  id: string;
  stepsFromSource: number;
  stepsToTarget: number;
}

export interface PathExplanation {
  /** True when paths were found and every one of them passes a hub. */
  onlyThroughHubs: boolean;
  /** The hubs the routes pass, most often passed first. */
  routeHubIds: string[];
  /** Limits that, lifted alone, let a path through; empty when paths were found. */
  blockedBy: PathLimit[];
  /** Length of the shortest route once every limit is lifted; null when there is none. */
  unlimitedLength: number | null;
  /** The ends that did not exist as of the query's date. */
  absentEnds: string[];
  nearest: NearestModel[];
}

export const LONGEST_SEARCH = 6;
const REACH_LAYER_LIMIT = 2_000;
const TARGET_RADIUS = 3;
const NEAREST = 5;

/** The same search with one limit lifted. */
function lifted(q: PathsQuery, limit: PathLimit): PathsQuery {
  switch (limit) {
    case 'MAX_LENGTH':
      return { ...q, maxLength: LONGEST_SEARCH };
    case 'AVOID':
      return { ...q, avoid: [] };
    case 'AVOID_HUBS':
      return { ...q, avoidHubs: false };
    case 'RELATION_TYPES':
      return { ...q, types: null };
    case 'AS_OF':
      return { ...q, asOf: null };
    case 'CHRONOLOGICAL':
      return { ...q, chronological: false };
  }
}

function activeLimits(q: PathsQuery): PathLimit[] {
  const active: [PathLimit, boolean][] = [
    ['MAX_LENGTH', q.maxLength < LONGEST_SEARCH],
    ['AVOID', q.avoid.length > 0],
    ['AVOID_HUBS', q.avoidHubs],
    ['RELATION_TYPES', q.types !== null],
    ['AS_OF', q.asOf !== null],
    ['CHRONOLOGICAL', q.chronological],
  ];
  return active.filter(([, on]) => on).map(([limit]) => limit);
}

/** Hubs passed by the given paths, the most often passed first. */
function hubsOf(paths: FoundPath[]): string[] {
  const counts = new Map<string, number>();
  for (const id of paths.flatMap((p) => [...new Set(p.hubIds)])) {
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
}

/** Whether an entity existed as of the date: begun by then and not ended before it. */
function existedAsOf(entity: EntityModel, q: PathsQuery): boolean {
  if (!q.asOf) return true;
  const start = entity.start ? parseDate(entity.start) : null;
  const end = entity.end ? parseDate(entity.end) : null;
  if (start && isPartialDate(start) && start.min > q.asOf.max) return false;
  return !(end && isPartialDate(end) && end.max < q.asOf.min);
}

/**
 * Breadth-first reach from `start`, never entering `blocked` nor, when `hubDegree` is set, a
 * hub, up to `depth` steps; the steps
 * to each entity reached. Each layer is one bounded statement.
 */
async function reach(
  db: Database,
  start: string,
  depth: number,
  filters: {
    types: string[] | null;
    asOf: PathsQuery['asOf'];
    blocked: string[];
    hubDegree: number | null;
  },
  stopAt?: (layer: string[]) => boolean,
): Promise<Map<string, number>> {
  const steps = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let step = 1; step <= depth && frontier.length > 0; step += 1) {
    const rows = await db.read<{ id: string }>('path-reach', {
      frontier,
      seen: [...steps.keys(), ...filters.blocked],
      hubDegree: filters.hubDegree,
      types: filters.types,
      asOfMin: filters.asOf?.min ?? null,
      asOfMax: filters.asOf?.max ?? null,
      limit: REACH_LAYER_LIMIT,
    });
    frontier = rows.map((r) => r.id);
    for (const id of frontier) steps.set(id, step);
    if (stopAt?.(frontier)) break;
  }
  return steps;
}

/**
 * The entities the source reaches within the search's limits that lie closest to the target
 * (counted in the whole graph, up to 3 steps away), nearest first, then fewest steps from the
 * source. Chronological order is not followed here: it belongs to whole paths, not to reach.
 */
async function nearest(
  db: Database,
  q: PathsQuery,
  hubDegree: number | null,
): Promise<NearestModel[]> {
  const fromSource = await reach(db, q.from, q.maxLength, {
    types: q.types,
    asOf: q.asOf,
    blocked: q.avoid,
    hubDegree,
  });
  fromSource.delete(q.from);
  fromSource.delete(q.to);
  const toTarget = await reach(
    db,
    q.to,
    TARGET_RADIUS,
    { types: null, asOf: null, blocked: [], hubDegree: null },
    (layer) => layer.some((id) => fromSource.has(id)),
  );
  return [...fromSource]
    .filter(([id]) => toTarget.has(id))
    .map(([id, stepsFromSource]) => ({ id, stepsFromSource, stepsToTarget: toTarget.get(id)! }))
    .sort(
      (a, b) =>
        a.stepsToTarget - b.stepsToTarget ||
        a.stepsFromSource - b.stepsFromSource ||
        (a.id < b.id ? -1 : 1),
    )
    .slice(0, NEAREST);
}

/**
 * Why a search found nothing, or only paths through hubs: which limit stands in the way (each
 * is lifted alone and the search run again, at most six bounded searches), which hubs the
 * routes pass, and the nearest entities the source does reach.
 */
export async function explainPaths(
  db: Database,
  q: PathsQuery,
  weights: PathWeights,
  found: FoundPath[],
  ends: EntityModel[],
): Promise<PathExplanation> {
  const explanation: PathExplanation = {
    onlyThroughHubs: found.length > 0 && found.every((p) => p.hubIds.length > 0),
    routeHubIds: [],
    blockedBy: [],
    unlimitedLength: null,
    absentEnds: ends.filter((e) => !existedAsOf(e, q)).map((e) => e.id),
    nearest: [],
  };
  if (q.from === q.to || (found.length > 0 && !explanation.onlyThroughHubs)) return explanation;
  if (explanation.onlyThroughHubs) {
    explanation.routeHubIds = hubsOf(found);
    explanation.nearest = await nearest(db, q, weights.hubDegree);
    return explanation;
  }
  for (const limit of activeLimits(q)) {
    const around = await candidatePaths(db, lifted(q, limit), weights);
    if (around.length === 0) continue;
    explanation.blockedBy.push(limit);
    if (limit === 'AVOID_HUBS') explanation.routeHubIds = hubsOf(around);
  }
  const open = await candidatePaths(
    db,
    {
      ...q,
      maxLength: LONGEST_SEARCH,
      avoid: [],
      avoidHubs: false,
      types: null,
      asOf: null,
      chronological: false,
    },
    weights,
  );
  explanation.unlimitedLength =
    open.length > 0 ? Math.min(...open.map((p) => p.relations.length)) : null;
  explanation.nearest = await nearest(db, q, q.avoidHubs ? weights.hubDegree : null);
  return explanation;
}
