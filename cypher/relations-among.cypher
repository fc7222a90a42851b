// The relations between the entities of a neighbourhood (or of a whole-graph view), with the
// same filters as the walk. Each entity's relations are walked from its own side, at most
// $scan of them: an entity with fewer relations (every entity of an ordinary graph) gives all
// of its relations into the set, a hub gives those among its first $scan, so a set of hubs
// costs |set| × $scan, not the sum of their degrees (hundreds of thousands on a large graph).
// The walk's own relations (neighbors.cypher `via`) are added by the caller.
MATCH (n:Entity)
WHERE n.id IN $ids
WITH collect(n) AS shown
UNWIND shown AS a
CALL (a, shown) {
  // Node identity, not b.id: the check reads no property of the thousands of nodes walked.
  MATCH (a)-[r]->(b)
  WITH r, b
  LIMIT $scan
  WITH r, b
  WHERE b IN shown
    AND ($types IS NULL OR type(r) IN $types)
    AND ($asOfMax IS NULL OR r.startMin IS NULL OR r.startMin <= $asOfMax)
    AND ($asOfMin IS NULL OR r.endMax IS NULL OR r.endMax >= $asOfMin)
  RETURN r, b
}
WITH a, r, b
ORDER BY r.id
LIMIT $limit
// Columns, not a map per row (its keys would cross the wire 1,000 times); the other
// properties only with $detail: their text is most of what many relations cost to send.
RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target,
       CASE WHEN $detail THEN properties(r) END AS details
