/**
 * How much a path says, as a cost: lower is more informative. Pure, so the server ranks with
 * it and the client or a report can explain a ranking with the same numbers.
 *
 * - every step costs 1, plus the generality of its relation type: log(1 + count of the type)
 *   / log(1 + count of the most frequent type), from 0 (a unique type) to 1 (the most
 *   frequent one, e.g. CONCERNS);
 * - every entity passed on the way (not the two ends) costs log(1 + degree) /
 *   log(1 + hubDegree), about 1 for an entity as connected as a hub, and a hub costs
 *   HUB_PENALTY more: a statement true of every actor of a state says little about one.
 */
export const HUB_PENALTY = 2;

export interface CostWeights {
  /** Relations per relationship type (GraphMeta.byRelationType). */
  typeCounts: ReadonlyMap<string, number>;
  /** Degree from which an entity is a hub (GraphMeta.hubDegree). */
  hubDegree: number;
}

export interface CostedPath {
  /** Relationship types of the steps, in walking order. */
  types: readonly string[];
  /** Degrees of the entities, from the first to the last. */
  degrees: readonly number[];
}

export function typeGenerality(type: string, weights: CostWeights): number {
  const most = Math.max(1, ...weights.typeCounts.values());
  const count = weights.typeCounts.get(type) ?? 1;
  return Math.log1p(count) / Math.log1p(most);
}

export function entityCost(degree: number, hubDegree: number): number {
  const cost = Math.log1p(degree) / Math.log1p(hubDegree);
  return degree >= hubDegree ? cost + HUB_PENALTY : cost;
}

export function pathCost(path: CostedPath, weights: CostWeights): number {
  const steps = path.types.reduce((sum, type) => sum + 1 + typeGenerality(type, weights), 0);
  const passed = path.degrees
    .slice(1, -1)
    .reduce((sum, degree) => sum + entityCost(degree, weights.hubDegree), 0);
  return steps + passed;
}
