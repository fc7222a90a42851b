import graphJson from '../../seed/graph.json';
import ontologyJson from '../../seed/ontology.json';
import { parseDate } from '../../server/domain/dates';
import { ENTITY_KINDS } from '../../server/domain/kinds';
import type { GraphFile } from '../../seed/types';

// Checks of the default dataset itself (not of the article, which users do not have).
const graph = graphJson as unknown as GraphFile;
const ontology = ontologyJson as {
  kinds: { kind: string }[];
  relationTypes: {
    type: string;
    label: string;
    inverseLabel: string;
    from: string[];
    to: string[];
  }[];
};
const PARAGRAPHS = 19;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const entityById = new Map(graph.entities.map((e) => [e.id, e]));
const typeByName = new Map(ontology.relationTypes.map((t) => [t.type, t]));
const items = [...graph.entities, ...graph.relations];

function neighbours(): Map<string, Set<string>> {
  const adjacent = new Map(graph.entities.map((e) => [e.id, new Set<string>()]));
  for (const r of graph.relations) {
    adjacent.get(r.source)?.add(r.target);
    adjacent.get(r.target)?.add(r.source);
  }
  return adjacent;
}

function reachable(from: string, adjacent = neighbours()): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    for (const next of adjacent.get(queue.shift()!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

describe('the default dataset', () => {
  it('is large enough to be the whole article', () => {
    expect(graph.entities.length).toBeGreaterThanOrEqual(80);
    expect(graph.relations.length).toBeGreaterThanOrEqual(200);
  });

  it('has unique, stable slug ids', () => {
    for (const list of [graph.entities, graph.relations]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => !SLUG.test(id))).toEqual([]);
    }
  });

  it('has both ends of every relation', () => {
    const dangling = graph.relations.filter(
      (r) => !entityById.has(r.source) || !entityById.has(r.target),
    );
    expect(dangling.map((r) => r.id)).toEqual([]);
  });

  it('cites paragraphs 1..19 of a listed document for every entity and relation', () => {
    const documents = new Set(graph.documents.map((d) => d.id));
    const bad = items.filter(
      (item) =>
        item.sources.length === 0 ||
        item.sources.some(
          (s) =>
            !documents.has(s.document) ||
            s.paragraphs.length === 0 ||
            s.paragraphs.some((p) => !Number.isInteger(p) || p < 1 || p > PARAGRAPHS),
        ),
    );
    expect(bad.map((item) => item.id)).toEqual([]);
  });

  it('dates every item at a real calendar precision, ends after starts', () => {
    const bad: string[] = [];
    for (const item of items) {
      const start = item.start === undefined ? undefined : parseDate(item.start);
      const end = item.end === undefined ? undefined : parseDate(item.end);
      if (start && 'error' in start) bad.push(`${item.id}.start`);
      if (end && 'error' in end) bad.push(`${item.id}.end`);
      if (start && end && !('error' in start) && !('error' in end) && end.max < start.min)
        bad.push(item.id);
    }
    expect(bad).toEqual([]);
  });

  it('uses only the ontology: kinds, relationship types and the kinds each type connects', () => {
    expect(ontology.kinds.map((k) => k.kind).sort()).toEqual([...ENTITY_KINDS].sort());
    expect(graph.entities.filter((e) => !ENTITY_KINDS.includes(e.kind)).map((e) => e.id)).toEqual(
      [],
    );
    const misfits = graph.relations.filter((r) => {
      const type = typeByName.get(r.type);
      return (
        !type ||
        !type.from.includes(entityById.get(r.source)!.kind) ||
        !type.to.includes(entityById.get(r.target)!.kind)
      );
    });
    expect(misfits.map((r) => `${r.id}: ${r.type}`)).toEqual([]);
    const used = new Set(graph.relations.map((r) => r.type));
    expect(ontology.relationTypes.filter((t) => !used.has(t.type)).map((t) => t.type)).toEqual([]);
  });

  it('keeps figures as value and unit, never a value without a unit', () => {
    const figures = graph.relations.filter((r) => r.value !== undefined);
    expect(figures.filter((r) => !r.unit).map((r) => r.id)).toEqual([]);
    const units = new Set(figures.map((r) => r.unit));
    for (const unit of ['USD', 'women', 'countries', 'prime ministers'])
      expect(units).toContain(unit);
  });

  it('is one connected component', () => {
    const seen = reachable('japan');
    expect(graph.entities.filter((e) => !seen.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it.each([
    ['Dokdo', 'liancourt-rocks'],
    ['Takeshima', 'liancourt-rocks'],
    ['ROK', 'south-korea'],
    ['Seoul', 'south-korea'],
    ['DPRK', 'north-korea'],
    ['Pyongyang', 'north-korea'],
    ['Tokyo', 'japan'],
    ['President Moon', 'moon-jae-in'],
  ])('knows %s as an alias of %s', (alias, id) => {
    expect(entityById.get(id)?.aliases).toContain(alias);
  });

  it('marks every identifying detail from outside the article', () => {
    for (const id of ['moon-jae-in', 'yohei-kono', 'george-w-bush']) {
      expect(entityById.get(id)?.beyondSource).toMatch(/article|general knowledge/);
    }
  });

  it.each([
    ['shinzo-abe', 'comfort-women-issue'],
    ['park-geun-hye', 'comfort-women-issue'],
    ['moon-jae-in', 'comfort-women-issue'],
    ['fumio-kishida', 'comfort-women-issue'],
    ['yohei-kono', 'comfort-women-issue'],
    ['lee-myung-bak', 'intelligence-pact-controversy'],
    ['kim-il-sung', 'north-korea-ties-dispute'],
  ])('connects %s directly to %s, a dispute they dealt with', (leader, dispute) => {
    const direct = graph.relations.filter(
      (r) =>
        (r.source === leader && r.target === dispute) ||
        (r.source === dispute && r.target === leader),
    );
    expect(direct.length).toBeGreaterThan(0);
    expect(entityById.get(dispute)?.kind).toBe('DISPUTE');
  });

  it('gives every relationship type a label and an inverse that read as phrases', () => {
    for (const type of ontology.relationTypes) {
      expect(type.label).toMatch(/^[a-z][a-z '"-]*[a-z]$/);
      expect(type.inverseLabel).toMatch(/^[a-z][a-z '"-]*[a-z]$/);
    }
  });
});
