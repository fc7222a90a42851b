// The relations between the entities of a neighbourhood, with the same filters as the walk.
// Anchored on one end and filtered on the other (seeking both ends would pair every id with
// every other), sorted and cut before the maps are built (building them first costs 7x).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE b.id IN $ids
  AND ($types IS NULL OR type(r) IN $types)
  AND ($asOfMax IS NULL OR r.startMin IS NULL OR r.startMin <= $asOfMax)
  AND ($asOfMin IS NULL OR r.endMax IS NULL OR r.endMax >= $asOfMin)
WITH a, r, b
ORDER BY r.id
LIMIT $limit
RETURN r {.*, type: type(r), source: a.id, target: b.id} AS relation
