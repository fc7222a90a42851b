// The first step of a neighbourhood walk from one entity (server/repository/neighborhood.ts),
// with the entity itself, and, for a depth-1 neighbourhood ($among) whose step filled the
// room ($room neighbours or more), the relations among the entity and the neighbours kept.
// The step is neighbors.cypher's from one entity; the walk among them is relations-among.
// cypher's. The entity comes back with its step, so no lookup runs beside the walk: an
// unknown entity is no row, one without neighbours a row of empty lists (the step is an
// OPTIONAL CALL). A hub's neighbourhood is then one statement: nothing comes back to the
// server before the answer. $scan and $relationLimit are those of a full room; a step that
// did not fill it returns no relations (`full` is false), and the caller reads them with the
// share of its actual size.
MATCH (n:Entity {id: $id})
OPTIONAL CALL (n) {
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
// The relation the walk came by: the picture stays connected whatever the walk below finds.
WITH n, m, collect(r)[0] AS via
ORDER BY m.degree DESC, m.id
// One more than there is room for tells whether the cap cut anything.
LIMIT $room + 1
WITH n, collect(m) AS found, collect(via) AS vias
WITH n, found, vias, size(found) >= $room AS full
CALL (n, found, full) {
  WITH [n] + found[0..$room] AS shown
  WITH shown, [x IN shown | elementId(x)] AS shownIds
  UNWIND CASE WHEN full AND $among THEN shown ELSE [] END AS a
  CALL (a, shownIds) {
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
  LIMIT $relationLimit
  RETURN collect(r.id) AS amongId, collect(type(r)) AS amongType, collect(a.id) AS amongSource,
         collect(b.id) AS amongTarget,
         collect(CASE WHEN $relationDetail THEN properties(r) END) AS amongDetails
}
// One row of lists, one per column (records.ts columnRows), as neighbors.cypher and
// relations-among.cypher return them.
RETURN n.id AS centreId, n.name AS centreName, n.kind AS centreKind,
       coalesce(n.degree, 0) AS centreDegree,
       CASE WHEN $entityDetail
         THEN n {.aliases, .summary, .start, .end, .sources, .beyondSource}
       END AS centreDetails,
       full,
       [m IN found | m.id] AS id, [m IN found | m.name] AS name, [m IN found | m.kind] AS kind,
       [m IN found | coalesce(m.degree, 0)] AS degree,
       [m IN found WHERE $entityDetail |
         m {.aliases, .summary, .start, .end, .sources, .beyondSource}] AS details,
       [v IN vias | v.id] AS viaId, [v IN vias | type(v)] AS viaType,
       [v IN vias | startNode(v).id] AS viaSource, [v IN vias | endNode(v).id] AS viaTarget,
       [v IN vias WHERE $relationDetail | properties(v)] AS viaDetails,
       amongId, amongType, amongSource, amongTarget, amongDetails
