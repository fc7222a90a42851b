import type { Database } from '../db/database';
import type { EntityModel, RelationModel } from './records';
import { toEntity, toRelation } from './records';
import { sentence } from '../domain/grammar';

export interface PathsQuery {
  from: string;
  to: string;
  maxLength: number;
  first: number;
  types: string[] | null;
  avoid: string[];
}

export interface PathIds {
  entities: EntityModel[];
  relations: RelationModel[];
}

export async function paths(db: Database, q: PathsQuery): Promise<PathIds[]> {
  if (q.from === q.to) return [];
  const rows = await db.read<{
    entities: Record<string, unknown>[];
    relations: Record<string, unknown>[];
  }>('paths', {
    from: q.from,
    to: q.to,
    maxLength: q.maxLength,
    first: q.first,
    types: q.types,
    // The ends themselves are never avoided: a user who asks for them wants them.
    avoid: q.avoid.filter((id) => id !== q.from && id !== q.to),
  });
  return rows.map((row) => ({
    entities: row.entities.map(toEntity),
    relations: row.relations.map(toRelation),
  }));
}

/**
 * One sentence per step, read in walking order: a relation walked along its direction uses
 * its label ("Shinzo Abe met with Park Geun-hye"), one walked against it the inverse label
 * ("the 2015 agreement was reached by Japan"); the verb agrees with a plural group ("Korean
 * people are involved in …").
 */
export function narrate(entities: EntityModel[], relations: RelationModel[]): string[] {
  return relations.map((relation, i) => {
    const here = entities[i]!;
    const next = entities[i + 1]!;
    const forward = relation.sourceId === here.id;
    return `${sentence(here, forward ? relation.label : relation.inverseLabel, next.name)}.`;
  });
}
