// The relations between the entities of a neighbourhood (or of a whole-graph view), with the
// same filters as the walk. Each entity's relations are walked from its own side, at most
// $scan of them: an entity with fewer relations (every entity of an ordinary graph) gives all
// of its relations into the set, a hub gives those among its first $scan, so a set of hubs
// costs |set| × $scan, not the sum of their degrees (hundreds of thousands on a large graph).
// The walk's own relations (neighbors.cypher `via`) are added by the caller.
// Walked from the entities $ids[$fromIndex..$toIndex] (all of them, or a part: the caller
// splits a large set over concurrent statements, each on its own core; see neighborhood.ts).
// A part is told by its bounds, not by a second list of its ids: the driver checks every
// value it sends against each of its temporal and spatial types.
MATCH (n:Entity)
WHERE n.id IN $ids
WITH collect(elementId(n)) AS shownIds
MATCH (a:Entity)
WHERE a.id IN $ids[$fromIndex..$toIndex]
CALL (a, shownIds) {
  // By element id, not b.id: the check reads no property of the thousands of nodes walked
  // (and a list of strings is checked faster than one of nodes: 14.5 ms against 17 on a hub).
  MATCH (a)-[r]->(b)
  WITH r, b
  LIMIT $scan
  WITH r, b
  WHERE elementId(b) IN shownIds
    AND ($types IS NULL OR type(r) IN $types)
    AND ($asOfMax IS NULL OR r.startMin IS NULL OR r.startMin <= $asOfMax)
    AND ($asOfMin IS NULL OR r.endMax IS NULL OR r.endMax >= $asOfMin)
  RETURN r, b
}
WITH a, r, b
ORDER BY r.id
LIMIT $limit
// One row of lists, one per column, in that order (records.ts columnRows): a thousand rows
// cost the driver a record each (a hub's neighbourhood read 5 ms faster this way). The other
// properties only with $detail: their text is most of what many relations cost to send.
RETURN collect(r.id) AS id, collect(type(r)) AS type, collect(a.id) AS source,
       collect(b.id) AS target, collect(CASE WHEN $detail THEN properties(r) END) AS details
