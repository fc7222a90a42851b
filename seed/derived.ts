import { createHash, type Hash } from 'node:crypto';
import type { TypeWords } from '../server/domain/relation-words';
import { EntityNumbers } from './entity-numbers';

/**
 * What the loader computes from a graph file while it reads it, so that whole-graph questions
 * (counts, degrees, hubs) never need a scan of the database (CONTRACT-derived.md).
 */
export interface GraphMeta {
  id: 'current';
  entities: number;
  relations: number;
  documents: number;
  /** JSON `[{"kind":"EVENT","count":26},…]`, count descending, then kind. */
  byKind: string;
  /** JSON `[{"type":"CONCERNS","count":64,"label":…,"inverseLabel":…},…]`, count desc, then type. */
  byRelationType: string;
  /** An entity with `degree >= hubDegree` is a hub. */
  hubDegree: number;
  fileHash: string;
  loadedAt: string;
}

/** Hubs: the top 1% by degree (at least one entity), never below this degree. */
const MIN_HUB_DEGREE = 10;
const HUB_SHARE = 0.01;

const byCountThen = <T extends { count: number }>(key: (item: T) => string) => {
  return (a: T, b: T) => b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
};

/**
 * Accumulates the derived data one item at a time (the streaming reader feeds it as it
 * parses), in memory proportional to the number of entities, not of relations.
 */
export class DerivedData {
  /** Each entity's degree, by its number (seed/entity-numbers.ts). */
  private readonly degrees: number[] = [];
  private readonly kinds = new Map<string, number>();
  private readonly types = new Map<string, { count: number } & TypeWords>();
  private documents = 0;
  private relations = 0;
  private readonly hash: Hash = createHash('sha256');

  /** Feeds the raw bytes of the file(s) being loaded, in order, for `fileHash`. */
  addBytes(chunk: Buffer | string): void {
    this.hash.update(chunk);
  }

  addDocument(): void {
    this.documents += 1;
  }

  /** `entities`: the ids' numbers, shared with the checker (GraphChecker). */
  constructor(readonly entities = new EntityNumbers()) {}

  addEntity(entity: { id: string; kind: string }): void {
    this.grow(this.entities.of(entity.id));
    this.kinds.set(entity.kind, (this.kinds.get(entity.kind) ?? 0) + 1);
  }

  /**
   * A self-loop counts once for its entity. `words` are the type's label as stored; `source`
   * and `target` its ends' numbers when the caller has them (the checker looked them up).
   */
  addRelation(
    relation: { type: string; source: string; target: string },
    words: TypeWords,
    source = this.entities.of(relation.source),
    target = this.entities.of(relation.target),
  ): void {
    this.relations += 1;
    this.grow(Math.max(source, target));
    this.degrees[source]! += 1;
    if (target !== source) this.degrees[target]! += 1;
    const type = this.types.get(relation.type);
    if (type) type.count += 1;
    else this.types.set(relation.type, { count: 1, ...words });
  }

  /** The entity's degree: relations with it at either end. */
  degree(id: string): number {
    const number = this.entities.get(id);
    return number === undefined ? 0 : this.degreeOf(number);
  }

  /** The degree of the entity with this number. */
  degreeOf(number: number): number {
    return this.degrees[number] ?? 0;
  }

  relationTypes(): string[] {
    return [...this.types.keys()].sort();
  }

  finish(loadedAt = new Date()): GraphMeta {
    const byKind = [...this.kinds]
      .map(([kind, count]) => ({ kind, count }))
      .sort(byCountThen((k) => k.kind));
    const byRelationType = [...this.types]
      .map(([type, t]) => ({ type, count: t.count, label: t.label, inverseLabel: t.inverseLabel }))
      .sort(byCountThen((t) => t.type));
    return {
      id: 'current',
      entities: this.entities.size,
      relations: this.relations,
      documents: this.documents,
      byKind: JSON.stringify(byKind),
      byRelationType: JSON.stringify(byRelationType),
      hubDegree: hubDegree(this.degrees),
      fileHash: this.hash.copy().digest('hex'),
      loadedAt: loadedAt.toISOString(),
    };
  }

  private grow(number: number): void {
    while (this.degrees.length <= number) this.degrees.push(0);
  }
}

/** The smallest degree among the top 1% of entities by degree, and never below 10. */
export function hubDegree(degrees: number[]): number {
  if (degrees.length === 0) return MIN_HUB_DEGREE;
  const top = Math.max(1, Math.floor(degrees.length * HUB_SHARE));
  const sorted = Float64Array.from(degrees).sort().reverse();
  return Math.max(MIN_HUB_DEGREE, sorted[top - 1]!);
}
