// One entity's timeline, anchored on the entity: itself when dated, its dated neighbours
// and its dated relations, all found by walking its own relations (no index scan).
// Rows are sorted and cut before titles and maps are built (building them first costs more
// than the walk on a hub). Date bounds as in timeline.cypher.
MATCH (x:Entity {id: $entityId})
CALL (x) {
  WITH x
  WHERE x.startMin IS NOT NULL
  RETURN x AS e, null AS r
  UNION
  MATCH (x)--(e:Entity)
  WHERE e.startMin IS NOT NULL
  RETURN e, null AS r
  UNION
  MATCH (x)-[r]-(:Entity)
  WHERE r.startMin IS NOT NULL AND $relations
  RETURN null AS e, r
}
WITH e, r, coalesce(e.startMin, r.startMin) AS dateMin, coalesce(e.start, r.start) AS date
WHERE dateMin >= $fromLow AND dateMin <= $toMax AND coalesce(e.startMax, r.startMax) >= $fromMin
  AND (e IS NULL OR $kinds IS NULL OR e.kind IN $kinds)
WITH e, r, dateMin, date
ORDER BY dateMin, date, coalesce(e.name, r.id)
LIMIT $first
WITH e AS entity, r, dateMin, date, startNode(r) AS a, endNode(r) AS b
RETURN date, coalesce(entity.name, a.name + ' ' + r.label + ' ' + b.name) AS title,
       CASE WHEN r IS NULL THEN null ELSE r {.*, type: type(r), source: a.id, target: b.id} END
         AS relation,
       entity {.id, .name, .kind, .aliases, .summary, .start, .end, .sources,
         .beyondSource, degree: coalesce(entity.degree, 0)} AS entity,
       a {.id, .name, .kind, .aliases, .summary, .start, .end, .sources,
         .beyondSource, degree: coalesce(a.degree, 0)} AS subject,
       b {.id, .name, .kind, .aliases, .summary, .start, .end, .sources,
         .beyondSource, degree: coalesce(b.degree, 0)} AS object
ORDER BY dateMin, date, title
