// One breadth-first step: the neighbours of the frontier not seen yet, best connected first,
// with their fields (the response needs them; fetching them here saves a round trip).
MATCH (n:Entity)-[r]-(m:Entity)
WHERE n.id IN $frontier
  AND NOT m.id IN $seen
  AND ($types IS NULL OR type(r) IN $types)
  AND ($asOfMax IS NULL OR r.startMin IS NULL OR r.startMin <= $asOfMax)
  AND ($asOfMin IS NULL OR r.endMax IS NULL OR r.endMax >= $asOfMin)
  AND ($asOfMax IS NULL OR m.startMin IS NULL OR m.startMin <= $asOfMax)
  AND ($asOfMin IS NULL OR m.endMax IS NULL OR m.endMax >= $asOfMin)
WITH DISTINCT m
ORDER BY m.degree DESC, m.id
LIMIT $limit
RETURN m {.id, .name, .kind, .aliases, .summary, .start, .end, .sources, .beyondSource,
           degree: coalesce(m.degree, 0)} AS entity
