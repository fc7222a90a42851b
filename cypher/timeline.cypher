// Dated events and dated relations, in date order. ISO strings sort by their text, which puts
// "2012-08" before "2012-08-15"; the Min/Max bounds compare partial dates by the period they span.
CALL () {
  MATCH (e:Entity {kind: 'EVENT'})
  WHERE e.start IS NOT NULL
    AND ($entityId IS NULL OR e.id = $entityId
      OR EXISTS { (e)--(:Entity {id: $entityId}) })
  RETURN e.start AS date, e.startMin AS dateMin, e.startMax AS dateMax, e.name AS title,
         e.id AS entityId, null AS relation, null AS subject, null AS object
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.start IS NOT NULL
    AND ($entityId IS NULL OR a.id = $entityId OR b.id = $entityId)
  // This title only orders rows of one date; the server words it (verb agreement included).
  RETURN r.start AS date, r.startMin AS dateMin, r.startMax AS dateMax,
         a.name + ' ' + r.label + ' ' + b.name AS title, null AS entityId,
         r {.*, type: type(r), source: a.id, target: b.id} AS relation,
         a {.name, .kind} AS subject, b.name AS object
}
WITH *
WHERE ($fromMin IS NULL OR dateMax >= $fromMin) AND ($toMax IS NULL OR dateMin <= $toMax)
RETURN date, title, entityId, relation, subject, object
ORDER BY date, title
LIMIT $first
