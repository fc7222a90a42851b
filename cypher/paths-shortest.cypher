// The shortest paths between two entities whatever they pass (hubs included), for ranking
// beside paths.cypher's hub-free search (server/repository/paths.ts). SHORTEST k in
// paths.cypher walks forward from one end: through a hub of 40,000 relations the second
// level already holds most of a graph of a million relations, and a search between two
// ordinary entities took 12–50 s. allShortestPaths searches from both ends at once and
// stops at the first length where they meet (ShortestPath operator; the filters below are
// applied while it walks, see the plan in tests/integration/api-paths.int.test.ts), so it
// only ever yields paths of the shortest length. `paths-shortest~N` sets the bound to the
// request's maxLength (server/db/cypher.ts).
// $blocked never holds the two ends (the repository leaves them out). The label is checked
// after the search, not at each step: relations only ever join entities
// (cypher/stage-relations.cypher), so it only keeps out what a broken database might hold.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*1..6]-(b))
WHERE all(r IN relationships(p) WHERE ($types IS NULL OR type(r) IN $types)
      AND ($asOfMax IS NULL OR r.startMin IS NULL OR r.startMin <= $asOfMax)
      AND ($asOfMin IS NULL OR r.endMax IS NULL OR r.endMax >= $asOfMin))
  AND all(y IN nodes(p) WHERE NOT y.id IN $blocked
      AND ($asOfMax IS NULL OR y.startMin IS NULL OR y.startMin <= $asOfMax)
      AND ($asOfMin IS NULL OR y.endMax IS NULL OR y.endMax >= $asOfMin))
WITH p LIMIT 25
WITH p WHERE all(y IN nodes(p) WHERE y:Entity)
RETURN [n IN nodes(p) | n.id] AS ids,
       [n IN nodes(p) | n.degree] AS degrees,
       [n IN nodes(p) | CASE WHEN n.kind = 'EVENT' THEN n.start END] AS eventDates,
       [rel IN relationships(p) |
         rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}] AS relations
