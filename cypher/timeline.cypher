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
  RETURN e.startMin AS dateMin, e.start AS date, e.name AS title, e.id AS entityId,
         null AS relation, null AS subject, null AS object
  UNION ALL
  MATCH (d:DatedRelation)
  WHERE $relations AND d.dateMin >= $fromLow AND d.dateMin <= $toMax AND d.dateMax >= $fromMin
  WITH d
  ORDER BY d.dateMin, d.date, d.relationId
  LIMIT $first
  MATCH (a:Entity {id: d.source})-[r]->(b:Entity {id: d.target})
  WHERE r.id = d.relationId
  // This title only orders rows of one date; the server words it (verb agreement included).
  RETURN d.dateMin AS dateMin, d.date AS date, a.name + ' ' + r.label + ' ' + b.name AS title,
         null AS entityId, r {.*, type: type(r), source: a.id, target: b.id} AS relation,
         a {.name, .kind} AS subject, b.name AS object
}
RETURN date, title, entityId, relation, subject, object
ORDER BY dateMin, date, title
LIMIT $first
