// What path ranking needs from the derived data of the loaded graph (GraphMeta, written by the
// loader): the hub threshold, the relations per type, and the hubs themselves (index on degree).
OPTIONAL MATCH (m:GraphMeta {id: 'current'})
CALL (m) {
  MATCH (n:Entity)
  WHERE m IS NOT NULL AND n.degree >= m.hubDegree
  RETURN collect(n.id) AS hubs
}
RETURN m.hubDegree AS hubDegree, m.byRelationType AS byRelationType, hubs
