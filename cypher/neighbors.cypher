// One breadth-first step: the neighbours of the frontier not seen yet, best connected first,
// with their fields (the response needs them; fetching them here saves a round trip) and
// the relation each was reached by.
// Each frontier entity offers at most $offer of its neighbours (server/repository/
// neighborhood.ts: 1,000 for one entity, fewer each when the frontier is wide), so a hub's
// step costs what an ordinary entity's does (the best connected among 1,000, not among all
// 40,000) and a second level stays within a few thousand candidates whatever it passes.
UNWIND $frontier AS frontierId
MATCH (n:Entity {id: frontierId})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m.id IN $seen
    AND ($types IS NULL OR type(r) IN $types)
    AND ($asOfMax IS NULL OR r.startMin IS NULL OR r.startMin <= $asOfMax)
    AND ($asOfMin IS NULL OR r.endMax IS NULL OR r.endMax >= $asOfMin)
    AND ($asOfMax IS NULL OR m.startMin IS NULL OR m.startMin <= $asOfMax)
    AND ($asOfMin IS NULL OR m.endMax IS NULL OR m.endMax >= $asOfMin)
  WITH r, m
  LIMIT $offer
  RETURN r, m
}
// The relation the walk came by: the picture stays connected whatever relations-among finds.
WITH m, collect(r)[0] AS via
ORDER BY m.degree DESC, m.id
LIMIT $limit
// One row of lists, one per column, in that order: a record a row cost the driver more than
// the lists do (server/repository/records.ts columnRows). Maps would repeat their keys a row;
// the other properties come only with $entityDetail / $relationDetail.
RETURN collect(m.id) AS id, collect(m.name) AS name, collect(m.kind) AS kind,
       collect(coalesce(m.degree, 0)) AS degree,
       collect(CASE WHEN $entityDetail
         THEN m {.aliases, .summary, .start, .end, .sources, .beyondSource}
       END) AS details,
       collect(via.id) AS viaId, collect(type(via)) AS viaType,
       collect(startNode(via).id) AS viaSource, collect(endNode(via).id) AS viaTarget,
       collect(CASE WHEN $relationDetail THEN properties(via) END) AS viaDetails
