// One breadth-first step for the "nearest" of a path search without an answer: the neighbours
// of the frontier not seen yet, under the search's relation types and as-of date, and no hub
// (degree >= $hubDegree) when the search avoided hubs ($hubDegree null lets them in).
MATCH (n:Entity)-[r]-(m:Entity)
WHERE n.id IN $frontier
  AND NOT m.id IN $seen
  AND ($hubDegree IS NULL OR m.degree < $hubDegree)
  AND ($types IS NULL OR type(r) IN $types)
  AND ($asOfMax IS NULL OR r.startMin IS NULL OR r.startMin <= $asOfMax)
  AND ($asOfMin IS NULL OR r.endMax IS NULL OR r.endMax >= $asOfMin)
  AND ($asOfMax IS NULL OR m.startMin IS NULL OR m.startMin <= $asOfMax)
  AND ($asOfMin IS NULL OR m.endMax IS NULL OR m.endMax >= $asOfMin)
RETURN DISTINCT m.id AS id
LIMIT $limit
