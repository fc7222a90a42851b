// One breadth-first step: the neighbours of the frontier not seen yet, best connected first.
MATCH (n:Entity)-[r]-(m:Entity)
WHERE n.id IN $frontier
  AND NOT m.id IN $seen
  AND ($types IS NULL OR type(r) IN $types)
  AND ($asOfMax IS NULL OR r.startMin IS NULL OR r.startMin <= $asOfMax)
  AND ($asOfMin IS NULL OR r.endMax IS NULL OR r.endMax >= $asOfMin)
  AND ($asOfMax IS NULL OR m.startMin IS NULL OR m.startMin <= $asOfMax)
  AND ($asOfMin IS NULL OR m.endMax IS NULL OR m.endMax >= $asOfMin)
WITH DISTINCT m
RETURN m.id AS id, m.degree AS degree
ORDER BY degree DESC, id
LIMIT $limit
