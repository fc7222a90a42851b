import graphJson from '../../seed/graph.json';
import ontologyJson from '../../seed/ontology.json';
import { parseDate } from '../../server/domain/dates';
import { ENTITY_KINDS } from '../../shared/kinds';
import type { GraphFile } from '../../seed/types';

// Checks of the default dataset itself (not of the article, which users do not have).
const graph = graphJson as unknown as GraphFile;
const ontology = ontologyJson as {
  kinds: { kind: string; description: string }[];
  relationTypes: {
    type: string;
    label: string;
    inverseLabel: string;
    from: string[];
    to: string[];
    description: string;
  }[];
};
const PARAGRAPHS = 19;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const entityById = new Map(graph.entities.map((e) => [e.id, e]));
const typeByName = new Map(ontology.relationTypes.map((t) => [t.type, t]));
const items = [...graph.entities, ...graph.relations];

/** Undirected adjacency, optionally leaving out some entities (hubs). */
function neighbours(without: string[] = []): Map<string, Set<string>> {
  const adjacent = new Map(graph.entities.map((e) => [e.id, new Set<string>()]));
  for (const r of graph.relations) {
    if (without.includes(r.source) || without.includes(r.target)) continue;
    adjacent.get(r.source)?.add(r.target);
    adjacent.get(r.target)?.add(r.source);
  }
  return adjacent;
}

/** Breadth-first distances from one entity. */
function distances(from: string, adjacent = neighbours()): Map<string, number> {
  const seen = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length > 0) {
    const here = queue.shift()!;
    for (const next of adjacent.get(here) ?? []) {
      if (seen.has(next)) continue;
      seen.set(next, seen.get(here)! + 1);
      queue.push(next);
    }
  }
  return seen;
}

// Happenings the article mentions without any date (or only with one it does not give at the
// precision a date needs); they stay undated rather than guessed.
const UNDATED_EVENTS = [
  'world-war-two', // named, never dated in the article
  'cold-war', // likewise
  'cold-war-economic-partnership', // "during the Cold War"
  'china-korea-opening', // only the pressing of China is dated (1980s), not the go-between role
  'august-protests', // yearly, no first year given
  'abe-newsweek-interview', // reported without a date
  'foreign-criticism-abe-remarks', // only "earlier" than the 2007 summit
  'foreign-ministers-meeting-2015', // only placed in the 2015 negotiations
  'intelligence-pact-approval', // before August 2012; the year is not given
  'settlement-announcement-2015', // reported after 28 December 2015, not dated
  'g20-summit-2017', // only "began" after 7 July 2017
];

/** Relationship types through which an actor takes part in, or carries out, an event. */
const EVENT_ROLES = ['PARTICIPATED_IN', 'CARRIED_OUT'];

/** Letters of the Han, Hangul, Hiragana and Katakana scripts. */
const NATIVE_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Words in a relation id that name a relationship type: an id containing one of them must be
 * of one of the types listed (an id never says "member of" on a WORKS_FOR relation).
 */
const ID_WORDS: [RegExp, string[]][] = [
  [/-member-/, ['MEMBER_OF']],
  [/-part-of-/, ['PART_OF']],
  [/-(led-to|resulted|caused)-/, ['RESULTED_IN']],
  [/-concerns?-/, ['CONCERNS']],
  [/-signed-/, ['SIGNED']],
  [/-party-/, ['PARTY_TO', 'WOULD_BE_PARTY_TO']],
  [/-holds-/, ['HOLDS_POSITION']],
  [/-pursues?-/, ['PURSUES']],
  [/-leads-/, ['LEADS']],
  [/-works-for-/, ['WORKS_FOR']],
  [/-met-/, ['MET_WITH']],
  [/-(rejected|refused)-/, ['REJECTED']],
  [/-(criticized|faulted)-/, ['CRITICIZED']],
  [/-opposed-/, ['OPPOSED']],
  [/-claims-rocks-/, ['CLAIMS']],
  [/-issued-/, ['ISSUED']],
  [/-addressed-to-/, ['ADDRESSED_TO']],
  [/-made-at-/, ['MADE_AT']],
  [/-preceded-/, ['PRECEDED']],
  [/-reaffirmed-/, ['REAFFIRMED']],
  [/-supported-/, ['SUPPORTED']],
  [/-dislike-/, ['DISLIKES']],
  [/-invested-/, ['INVESTED_IN']],
  [/-traded-/, ['TRADED_WITH']],
];

describe('the default dataset', () => {
  it('is large enough to be the whole article', () => {
    expect(graph.entities.length).toBeGreaterThanOrEqual(95);
    expect(graph.relations.length).toBeGreaterThanOrEqual(250);
    const byKind = (kind: string) => graph.entities.filter((e) => e.kind === kind).length;
    expect(byKind('PERSON')).toBeGreaterThanOrEqual(10);
    expect(byKind('EVENT')).toBeGreaterThanOrEqual(20);
    expect(byKind('DISPUTE')).toBeGreaterThanOrEqual(4);
  });

  it('has unique, stable slug ids', () => {
    for (const list of [graph.entities, graph.relations]) {
      const ids = list.map((item) => item.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      expect(ids.filter((id) => !SLUG.test(id))).toEqual([]);
    }
  });

  it.each([
    'shinzo-abe',
    'park-geun-hye',
    'moon-jae-in',
    'yohei-kono',
    'fumio-kishida',
    'lee-myung-bak',
    'kono-statement',
    'asian-womens-fund',
    'intelligence-sharing-pact-2012',
    'comfort-women',
    'liancourt-rocks',
    'normalization-treaty-1965',
    'treaty-signing-1965',
    'kishida-visit-2015',
    'moon-abe-summit-2017',
  ])('keeps the id %s that the app and its tests rely on', (id) => {
    expect(entityById.has(id)).toBe(true);
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

  it('cites every one of the 19 paragraphs somewhere', () => {
    const cited = new Set(items.flatMap((item) => item.sources.flatMap((s) => s.paragraphs)));
    const missing = Array.from({ length: PARAGRAPHS }, (_, i) => i + 1).filter(
      (p) => !cited.has(p),
    );
    expect(missing).toEqual([]);
  });

  it('dates every item at a real calendar precision, ends after starts', () => {
    const bad: string[] = [];
    for (const item of items) {
      const start = item.start === undefined ? undefined : parseDate(item.start);
      const end = item.end === undefined ? undefined : parseDate(item.end);
      if (start && 'error' in start) bad.push(`${item.id}.start`);
      if (end && 'error' in end) bad.push(`${item.id}.end`);
      if (end && !start) bad.push(`${item.id}: end without start`);
      if (start && end && !('error' in start) && !('error' in end) && end.max < start.min)
        bad.push(item.id);
    }
    expect(bad).toEqual([]);
  });

  it('dates every event, except the few the article leaves undated', () => {
    const undated = graph.entities.filter((e) => e.kind === 'EVENT' && !e.start).map((e) => e.id);
    expect(undated.sort()).toEqual([...UNDATED_EVENTS].sort());
  });

  it.each([
    ['treaty-signing-1965', '1965-06-22'],
    ['intelligence-pact-hold-2012', '2012-08'],
    ['kishida-visit-2015', '2015-12-28'],
    ['park-abe-talks-2015', '2015-11-02'],
    ['moon-abe-summit-2017', '2017-07-07'],
    ['awf-founding-1995', '1995'],
  ])('dates %s at the precision the article gives: %s', (id, date) => {
    expect(entityById.get(id)?.start).toBe(date);
  });

  it('describes its ontology: every kind, and types with labels that read as phrases', () => {
    expect(ontology.kinds.map((k) => k.kind).sort()).toEqual([...ENTITY_KINDS].sort());
    const names = ontology.relationTypes.map((t) => t.type);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    // One meaning per type, but no near-synonyms either.
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(names.length).toBeLessThanOrEqual(60);
    const descriptions = ontology.relationTypes.map((t) => t.description);
    expect(descriptions.filter((d, i) => descriptions.indexOf(d) !== i)).toEqual([]);
    for (const type of ontology.relationTypes) {
      expect(type.type).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect(type.label).toMatch(/^[a-z][a-z '"-]*[a-z]$/);
      expect(type.inverseLabel).toMatch(/^[a-z][a-z '"-]*[a-z]$/);
      expect(type.description.length).toBeGreaterThan(10);
      for (const kind of [...type.from, ...type.to]) expect(ENTITY_KINDS).toContain(kind);
    }
  });

  it('uses only the ontology: kinds, relationship types and the kinds each type connects', () => {
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

  it('overrides a label only together with its inverse, so paths read both ways', () => {
    const half = graph.relations.filter(
      (r) => (r.label === undefined) !== (r.inverseLabel === undefined),
    );
    expect(half.map((r) => r.id)).toEqual([]);
  });

  it('keeps figures as value and unit, never a value without a unit', () => {
    const figures = graph.relations.filter((r) => r.value !== undefined);
    expect(figures.filter((r) => !r.unit || !Number.isFinite(r.value)).map((r) => r.id)).toEqual(
      [],
    );
    expect(graph.relations.filter((r) => r.unit && r.value === undefined)).toEqual([]);
  });

  it.each([
    [29_100_000_000, 'USD'], // trade, 1991
    [5_800_000_000, 'USD'], // surplus, 1991
    [4_400_000_000, 'USD'], // direct investment, 1990
    [800_000_000, 'USD'], // grants and soft loans, 1965
    [8_000_000, 'USD'], // restitution, 2015
    [200_000, 'women'],
    [7, 'women'],
    [4, 'prime ministers'],
    [24, 'countries'],
    [4, 'powers'],
  ])('holds the figure %d %s as data on a relation', (value, unit) => {
    expect(graph.relations.some((r) => r.value === value && r.unit === unit)).toBe(true);
  });

  it('is one connected component', () => {
    const seen = distances('japan');
    expect(graph.entities.filter((e) => !seen.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it.each([
    ['Dokdo', 'liancourt-rocks'],
    ['Takeshima', 'liancourt-rocks'],
    ['ROK', 'south-korea'],
    ['Seoul', 'south-korea'],
    ['Republic of Korea', 'south-korea'],
    ['DPRK', 'north-korea'],
    ['Pyongyang', 'north-korea'],
    ['Tokyo', 'japan'],
    ['President Moon', 'moon-jae-in'],
    ['Abe', 'shinzo-abe'],
    ['Kono', 'yohei-kono'],
    ['Imperial Army', 'imperial-japanese-army'],
    ['military information-sharing pact', 'intelligence-sharing-pact-2012'],
  ])('knows %s as an alias of %s, and of nothing else', (alias, id) => {
    expect(entityById.get(id)?.aliases).toContain(alias);
    const others = graph.entities.filter(
      (e) => e.id !== id && (e.name === alias || (e.aliases ?? []).includes(alias)),
    );
    expect(others.map((e) => e.id)).toEqual([]);
  });

  it('marks every identifying detail from outside the article', () => {
    for (const id of [
      'moon-jae-in',
      'yohei-kono',
      'george-w-bush',
      'lee-myung-bak',
      'kim-il-sung',
      'kono-statement',
    ]) {
      expect(entityById.get(id)?.beyondSource).toMatch(/general knowledge|inferred/);
    }
    for (const item of items.filter((i) => i.beyondSource !== undefined)) {
      expect(item.beyondSource).toMatch(/general knowledge|inferred|article/);
    }
  });

  it('gives every entity a short summary in our own words, quoting at most a term', () => {
    const bad = graph.entities.filter(
      (e) =>
        !e.summary ||
        e.summary.length > 300 ||
        // A quotation longer than six words would be a sentence, not a term.
        (e.summary.match(/"[^"]*"/g) ?? []).some((q) => q.split(/\s+/).length > 6),
    );
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it.each([
    ['shinzo-abe', 'comfort-women-issue'],
    ['park-geun-hye', 'comfort-women-issue'],
    ['moon-jae-in', 'comfort-women-issue'],
    ['fumio-kishida', 'comfort-women-issue'],
    ['yun-byung-se', 'comfort-women-issue'],
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

  it.each([
    ['shinzo-abe', 'comfort-women-issue'],
    ['park-geun-hye', 'comfort-women-issue'],
    ['moon-jae-in', 'comfort-women-issue'],
    ['fumio-kishida', 'comfort-women-issue'],
    ['yohei-kono', 'comfort-women-issue'],
    ['lee-myung-bak', 'intelligence-pact-controversy'],
    ['kim-il-sung', 'north-korea-ties-dispute'],
  ])('reaches from %s to %s in a few steps without passing through a state', (from, to) => {
    // Paths through a whole country prove little; the link must go through what they did.
    const states = graph.entities.filter((e) => e.kind === 'COUNTRY').map((e) => e.id);
    const hops = distances(from, neighbours(states)).get(to);
    expect(hops).toBeDefined();
    expect(hops!).toBeLessThanOrEqual(4);
  });

  it('attributes every stance to a holder', () => {
    const held = new Set(
      graph.relations
        .filter((r) => ['HOLDS_POSITION', 'PROPOSED', 'PURSUES'].includes(r.type))
        .map((r) => r.target),
    );
    const orphans = graph.entities.filter((e) => e.kind === 'POLICY' && !held.has(e.id));
    expect(orphans.map((e) => e.id)).toEqual([]);
  });

  it('cites, for every relation, only paragraphs that also cite its two ends', () => {
    // A relation marked as outside knowledge may join two paragraphs (each end cites its own).
    const cited = (id: string) => new Set(entityById.get(id)!.sources.flatMap((s) => s.paragraphs));
    const bad = graph.relations.flatMap((r) => {
      const from = cited(r.source);
      const to = cited(r.target);
      return r.sources
        .flatMap((s) => s.paragraphs)
        .filter((p) =>
          r.beyondSource === undefined ? !from.has(p) || !to.has(p) : !from.has(p) && !to.has(p),
        )
        .map((p) => `${r.id}: paragraph ${p}`);
    });
    expect(bad).toEqual([]);
  });

  it('names relations after their type: an id never contradicts it', () => {
    const bad = graph.relations.flatMap((r) =>
      ID_WORDS.filter(([words, types]) => words.test(`-${r.id}-`) && !types.includes(r.type)).map(
        ([words]) => `${r.id} (${r.type}) matches ${words}`,
      ),
    );
    expect(bad).toEqual([]);
  });

  it('dates an entity whose id ends in a year in that year, if it is dated at all', () => {
    const bad = graph.entities.filter((e) => {
      const year = /-(\d{4})(-\d{2})?$/.exec(e.id)?.[1];
      return year !== undefined && e.start !== undefined && !e.start.startsWith(year);
    });
    expect(bad.map((e) => `${e.id}: ${e.start}`)).toEqual([]);
  });

  it('gives no name or alias to two entities', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of graph.entities) {
      for (const name of [e.name, ...(e.aliases ?? [])]) {
        const key = name.toLowerCase().normalize('NFC');
        owners.set(key, (owners.get(key) ?? new Set()).add(e.id));
      }
    }
    const shared = [...owners]
      .filter(([, ids]) => ids.size > 1)
      .map(([n, ids]) => `${n}: ${[...ids]}`);
    expect(shared).toEqual([]);
  });

  it('marks every native-script alias as outside knowledge, naming it', () => {
    const withNative = graph.entities.filter((e) =>
      (e.aliases ?? []).some((a) => NATIVE_SCRIPT.test(a)),
    );
    expect(withNative.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        'liancourt-rocks',
        'shinzo-abe',
        'moon-jae-in',
        'park-geun-hye',
        'japan',
        'south-korea',
      ]),
    );
    const unmarked = withNative.flatMap((e) =>
      (e.aliases ?? [])
        .filter((a) => NATIVE_SCRIPT.test(a) && !(e.beyondSource ?? '').includes(a))
        .map((a) => `${e.id}: ${a}`),
    );
    expect(unmarked).toEqual([]);
  });

  it('stores a happening once: no direct relation repeats a dated event between its sides', () => {
    // When a happening is an event, its sides link to the event; a dated relation between two
    // of them on the event's date would be the same happening stored twice.
    const sides = new Map<string, Set<string>>();
    for (const r of graph.relations.filter((r) => EVENT_ROLES.includes(r.type))) {
      sides.set(r.target, (sides.get(r.target) ?? new Set()).add(r.source));
    }
    const twice = graph.relations.flatMap((r) =>
      [...sides]
        .filter(([event, ids]) => {
          const date = entityById.get(event)?.start;
          return date !== undefined && r.start === date && ids.has(r.source) && ids.has(r.target);
        })
        .map(([event]) => `${r.id} repeats ${event}`),
    );
    expect(twice).toEqual([]);
    // Nor does a relation repeat the date of the event, statement or agreement it points at.
    const dated = new Set(['EVENT', 'STATEMENT', 'AGREEMENT']);
    const echoes = graph.relations.filter((r) =>
      [r.source, r.target].some((id) => {
        const e = entityById.get(id)!;
        return dated.has(e.kind) && e.start !== undefined && r.start === e.start;
      }),
    );
    expect(echoes.map((r) => r.id)).toEqual([]);
  });
});
