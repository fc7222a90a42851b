// Relations of many entities at once (one round trip for a whole GraphQL selection).
// The strongest-connected neighbours come first (by the degree the loader stored), so
// `first` keeps the most telling ones.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH'
      OR ($direction = 'OUT' AND startNode(r) = n)
      OR ($direction = 'IN' AND endNode(r) = n))
  WITH r, m.degree AS weight
  ORDER BY weight DESC, r.id
  LIMIT $first
  RETURN collect(r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}) AS relations
}
RETURN id, relations
