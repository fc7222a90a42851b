// One entity's timeline, anchored on the entity: itself when dated, its dated relations read
// in date order from the indexes on (source, dateMin) and (target, dateMin) of the
// DatedRelation nodes (each side stops after $first), and its dated neighbours among the
// first 1,000 it is related to (a hub's tens of thousands are not all walked).
// `ORDER BY d.source, d.dateMin` names the index's own order: with `ORDER BY d.dateMin` alone
// Neo4j read all of a hub's dated relations (6,730 on a graph of a million) and sorted them
// to keep $first; with both it reads $first in index order (PROFILE: 201 db hits a side).
// Rows are sorted and cut before titles and maps are built. Date bounds as in timeline.cypher.
MATCH (x:Entity {id: $entityId})
CALL (x) {
  WITH x
  WHERE x.startMin IS NOT NULL
  RETURN x AS e, null AS d
  UNION
  MATCH (x)--(e:Entity)
  WITH DISTINCT e
  LIMIT 1000
  WITH e
  WHERE e.startMin IS NOT NULL
  RETURN e, null AS d
  UNION
  MATCH (d:DatedRelation)
  WHERE d.source = x.id AND d.dateMin >= $fromLow AND d.dateMin <= $toMax AND $relations
  WITH d
  ORDER BY d.source, d.dateMin
  LIMIT $first
  RETURN null AS e, d
  UNION
  MATCH (d:DatedRelation)
  WHERE d.target = x.id AND d.dateMin >= $fromLow AND d.dateMin <= $toMax AND $relations
  WITH d
  ORDER BY d.target, d.dateMin
  LIMIT $first
  RETURN null AS e, d
}
WITH e, d, coalesce(e.startMin, d.dateMin) AS dateMin, coalesce(e.start, d.date) AS date
WHERE dateMin >= $fromLow AND dateMin <= $toMax AND coalesce(e.startMax, d.dateMax) >= $fromMin
  AND (e IS NULL OR $kinds IS NULL OR e.kind IN $kinds)
WITH e, d, dateMin, date
ORDER BY dateMin, date, coalesce(e.name, d.relationId)
LIMIT $first
OPTIONAL MATCH (a:Entity {id: d.source})
OPTIONAL MATCH (b:Entity {id: d.target})
WITH e AS entity, d, a, b, dateMin, date
// Without $entityDetail / $relationDetail only what names them (the title needs no more), as
// lists: a thousand rows of maps spent most of their time decoding the same keys.
RETURN date, coalesce(entity.name, a.name + ' ' + d.label + ' ' + b.name) AS title,
       CASE WHEN d IS NULL THEN null
         WHEN $relationDetail
         THEN d {.*, id: d.relationId, relationId: null, date: null, dateMin: null, dateMax: null}
         ELSE [d.relationId, d.type, d.label, d.inverseLabel, d.source, d.target]
       END AS relation,
       CASE WHEN $entityDetail
         THEN entity {.id, .name, .kind, .aliases, .summary, .start, .end, .sources,
                      .beyondSource, degree: coalesce(entity.degree, 0)}
         ELSE CASE WHEN entity IS NOT NULL THEN [entity.id, entity.name, entity.kind, coalesce(entity.degree, 0)] END
       END AS entity,
       CASE WHEN $entityDetail
         THEN a {.id, .name, .kind, .aliases, .summary, .start, .end, .sources, .beyondSource,
                 degree: coalesce(a.degree, 0)}
         ELSE CASE WHEN a IS NOT NULL THEN [a.id, a.name, a.kind, coalesce(a.degree, 0)] END
       END AS subject,
       CASE WHEN $entityDetail
         THEN b {.id, .name, .kind, .aliases, .summary, .start, .end, .sources, .beyondSource,
                 degree: coalesce(b.degree, 0)}
         ELSE CASE WHEN b IS NOT NULL THEN [b.id, b.name, b.kind, coalesce(b.degree, 0)] END
       END AS object
ORDER BY dateMin, date, title
