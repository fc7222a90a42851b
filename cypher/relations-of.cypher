// Relations of many entities at once (one round trip for a whole GraphQL selection), each
// with the entity at its other end, so selecting that end costs no further round trip.
// The strongest-connected neighbours come first (by the degree the loader stored), so
// `first` keeps the most telling ones. A hub's relations are sorted among the first 5,000
// found, not all of them: the cost stays bounded (50 ms, not seconds, on a hub of 50k).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH'
      OR ($direction = 'OUT' AND startNode(r) = n)
      OR ($direction = 'IN' AND endNode(r) = n))
  WITH r, m
  LIMIT 5000
  WITH r, m
  ORDER BY m.degree DESC, r.id
  LIMIT $first
  // Without $detail the selection asked only for the brief fields (server/graphql/
  // resolvers.ts briefRelations): a relation's phrases and ends, its other end's name.
  RETURN collect(CASE WHEN $detail THEN {
    relation: r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id},
    other: m {.id, .name, .kind, .aliases, .summary, .start, .end, .sources, .beyondSource,
           degree: coalesce(m.degree, 0)}
  } ELSE {
    relation: r {.id, .label, .inverseLabel, type: type(r), source: startNode(r).id,
                 target: endNode(r).id},
    other: m {.id, .name, .kind, degree: coalesce(m.degree, 0)}
  } END) AS relations
}
// The entity itself comes along: `entity(id) { … relations }` is then one round trip.
RETURN id, n {.id, .name, .kind, .aliases, .summary, .start, .end, .sources, .beyondSource,
              degree: coalesce(n.degree, 0)} AS entity, relations
