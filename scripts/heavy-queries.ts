/**
 * The heaviest operations we could think of against the cost limit, shared by the limits
 * test (each is refused or answers within the bounds) and `npm run bench` (which times the
 * heaviest that is accepted). Ids are from the default graph; "japan" is its biggest hub.
 */
const ENTITY =
  'id name kind aliases summary start end degree beyondSource sources { document paragraphs }';
const RELATION =
  'id type label inverseLabel summary start end value unit sources { document paragraphs } source { id } target { id }';

const aliases = (count: number, field: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ');

/** entity → relations → target → relations … `levels` lists deep, `first` written out or not. */
export function nestedRelations(levels: number, first?: number): string {
  const args = first === undefined ? '' : `(first: ${first})`;
  let selection = `relations${args} { id }`;
  for (let level = 1; level < levels; level++) {
    selection = `relations${args} { target { ${selection} } }`;
  }
  return `{ entity(id: "japan") { ${selection} } }`;
}

export const HEAVY_QUERIES: { name: string; query: string }[] = [
  { name: 'issue 9: 4 nested relations, defaults', query: nestedRelations(4) },
  { name: '3 nested relations, defaults', query: nestedRelations(3) },
  { name: '3 nested relations, first: 40', query: nestedRelations(3, 40) },
  { name: '2 nested relations, first: 500', query: nestedRelations(2, 500) },
  {
    name: 'the same nesting through fragments',
    query: `{ entity(id: "japan") { ...L1 } }
      fragment L1 on Entity { relations { target { ...L2 } } }
      fragment L2 on Entity { relations { target { ...L3 } } }
      fragment L3 on Entity { relations { id } }`,
  },
  {
    name: 'nesting through a variable with a default',
    query: `query($n: Int = 500) { entity(id: "japan") { relations(first: $n) {
      target { relations(first: $n) { id } } } } }`,
  },
  {
    name: '20 aliases × 2 nested relations, first: 30',
    query: `{ ${aliases(20, () => 'entity(id: "japan") { relations(first: 30) { target { relations(first: 30) { id summary } } } }')} }`,
  },
  {
    name: '20 aliases × relations(first: 500), every field',
    query: `{ ${aliases(20, () => `entity(id: "japan") { relations(first: 500) { ${RELATION} } }`)} }`,
  },
  {
    name: 'neighbourhood depth 3 limit 500, relations under its entities',
    query: `{ neighborhood(id: "japan", depth: 3, limit: 500) {
      entities { id relations { id target { id } } } relations { id } } }`,
  },
  {
    name: 'neighbourhood depth 3 limit 500, every field',
    query: `{ neighborhood(id: "japan", depth: 3, limit: 500) {
      entities { ${ENTITY} } relations { ${RELATION} } } }`,
  },
  {
    name: '20 aliases × neighbourhood depth 3 limit 500',
    query: `{ ${aliases(20, () => 'neighborhood(id: "japan", depth: 3, limit: 500) { entities { id name } relations { id type source { id } target { id } } }')} }`,
  },
  {
    name: '20 aliases × paths maxLength 6 first 10, every field',
    query: `{ ${aliases(
      20,
      () => `paths(from: "lee-myung-bak", to: "comfort-women-issue", maxLength: 6, first: 10) {
        length narrative steps entities { ${ENTITY} } relations { ${RELATION} } }`,
    )} }`,
  },
  {
    name: '20 aliases × timeline first 1000 with entity and relation',
    query: `{ ${aliases(20, () => `timeline(first: 1000) { date title entity { ${ENTITY} } relation { ${RELATION} } }`)} }`,
  },
  {
    name: 'whole graph, limit 5000, every field',
    query: `{ graph(limit: 5000) { truncated entities { ${ENTITY} } relations { ${RELATION} } } }`,
  },
  {
    name: "the explorer's start: graph limit 2000, every field",
    query: `{ graph(limit: 2000) { truncated entities { ${ENTITY} } relations { ${RELATION} } }
      relationTypes { type label count } }`,
  },
  {
    name: 'many root fields: search, stats, timeline, graph, neighbourhood',
    query: `{ search(text: "Japan", first: 50) { score entity { ${ENTITY} } }
      stats { entities relations byKind { kind count } byRelationType { type count } }
      timeline(first: 1000) { date title relation { ${RELATION} } }
      graph(limit: 1000) { entities { id } relations { id } }
      neighborhood(id: "south-korea", depth: 3, limit: 500) { entities { id } relations { id } } }`,
  },
];
