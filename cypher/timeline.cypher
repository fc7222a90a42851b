// The whole graph's timeline, read in date order from two indexes: `entity_start_min` for
// dated entities and `dated_relation_min` for dated relations (one :DatedRelation node per
// relation, written by the loader). Each stream stops after $first rows, so the cost follows
// $first, not the size of the graph. ISO strings sort by their text, which puts "2012-08"
// before "2012-08-15"; the Min/Max bounds compare partial dates by the period they span.
// $fromLow is a year before $fromMin: a partial date may begin before $fromMin and still
// reach into the range (its Max decides), and no partial date spans more than a year.
CALL () {
  MATCH (e:Entity)
  WHERE e.startMin >= $fromLow AND e.startMin <= $toMax AND e.startMax >= $fromMin
    AND ($kinds IS NULL OR e.kind IN $kinds)
  WITH e
  ORDER BY e.startMin, e.start, e.name
  LIMIT $first
  RETURN e.startMin AS dateMin, e.start AS date, e.name AS title, e AS entity,
         null AS d, null AS a, null AS b
  UNION ALL
  MATCH (d:DatedRelation)
  WHERE $relations AND d.dateMin >= $fromLow AND d.dateMin <= $toMax AND d.dateMax >= $fromMin
  WITH d
  ORDER BY d.dateMin, d.date, d.relationId
  LIMIT $first
  // The node holds the relation's properties and its ends' ids (seed/rows.ts datedRelation):
  // two seeks on the entity id index, and the relation itself is never looked up.
  MATCH (a:Entity {id: d.source})
  MATCH (b:Entity {id: d.target})
  // This title only orders rows of one date; the server words it (verb agreement included).
  RETURN d.dateMin AS dateMin, d.date AS date, a.name + ' ' + d.label + ' ' + b.name AS title,
         null AS entity, d, a, b
}
WITH *
ORDER BY dateMin, date, title
LIMIT $first
// The entities come along (the response shows them): no second round trip to fetch them.
// Without $entityDetail / $relationDetail only what names them (the title needs no more), as
// lists: a thousand rows of maps spent most of their time decoding the same keys.
RETURN date, title,
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
