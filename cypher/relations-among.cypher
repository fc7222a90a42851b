// The relations between the entities of a neighbourhood, with the same filters as the walk.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
  AND ($types IS NULL OR type(r) IN $types)
  AND ($asOfMax IS NULL OR r.startMin IS NULL OR r.startMin <= $asOfMax)
  AND ($asOfMin IS NULL OR r.endMax IS NULL OR r.endMax >= $asOfMin)
RETURN r {.*, type: type(r), source: a.id, target: b.id} AS relation
ORDER BY r.id
LIMIT $limit
