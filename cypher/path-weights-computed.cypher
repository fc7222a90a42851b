// The same as path-weights, for a graph loaded without derived data: computed by a scan, with
// the loader's rule (the smallest degree among the top 1% by degree, at least one entity,
// never below 10).
CALL () {
  MATCH (n:Entity)
  WITH n.id AS id, COUNT { (n)--() } AS degree
  ORDER BY degree DESC
  WITH collect({id: id, degree: degree}) AS ranked
  WITH ranked, toInteger(floor(size(ranked) * 0.01)) AS top
  WITH ranked, ranked[CASE WHEN top < 1 THEN 0 ELSE top - 1 END].degree AS smallest
  WITH ranked, CASE WHEN smallest IS NULL OR smallest < 10 THEN 10 ELSE smallest END AS hubDegree
  RETURN hubDegree, [x IN ranked WHERE x.degree >= hubDegree | x.id] AS hubs
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WITH type(r) AS type, count(*) AS count
  RETURN collect({type: type, count: count}) AS byRelationType
}
RETURN hubDegree, byRelationType, hubs
