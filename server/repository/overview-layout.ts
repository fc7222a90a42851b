import { createHash } from 'node:crypto';
import type { Entity, Relation } from '../../client/src/api';
import { GraphController } from '../../client/src/graph/controller';
import { createHeadlessGraph } from '../../client/src/graph/headless';
import { initialState } from '../../client/src/state/view-state';
import type { EntityModel, RelationModel } from './records';

export interface Position {
  id: string;
  x: number;
  y: number;
}

/**
 * The overview's force-directed picture, laid out here by the explorer's own graph code run
 * headless (the same elements, stylesheet, seed and layout as on the page), so the first
 * screen draws at once instead of spending most of its time in fCoSE. Kept per overview:
 * the same entities and relations give the same picture, computed once; a new import gives
 * a new overview and so a new key.
 */
const cache = new Map<string, Promise<Position[]>>();
const KEPT = 4;

export function overviewLayout(
  entities: EntityModel[],
  relations: RelationModel[],
): Promise<Position[]> {
  const key = createHash('sha1')
    .update(JSON.stringify([entities.map((e) => [e.id, e.degree]), relations.map((r) => r.id)]))
    .update(JSON.stringify(relations.map((r) => [r.sourceId, r.targetId])))
    .digest('base64');
  let positions = cache.get(key);
  if (!positions) {
    positions = layOut(entities, relations);
    // A failure is not kept: the next request tries again.
    positions.catch(() => cache.delete(key));
    cache.set(key, positions);
    if (cache.size > KEPT) cache.delete(cache.keys().next().value!);
  }
  return positions;
}

async function layOut(entities: EntityModel[], relations: RelationModel[]): Promise<Position[]> {
  const graph = new GraphController(createHeadlessGraph());
  try {
    await graph.render(
      initialState(),
      {
        // What the page's data layer hands the canvas: the fields the picture reads.
        entities: entities as unknown as Entity[],
        relations: relations.map(
          (r) =>
            ({
              ...r,
              source: { id: r.sourceId },
              target: { id: r.targetId },
            }) as unknown as Relation,
        ),
        path: null,
      },
      { fresh: true },
    );
    return Object.entries(graph.positions()).map(([id, { x, y }]) => ({ id, x, y }));
  } finally {
    graph.cy.destroy();
  }
}
