// The relations the overview draws among its entities: at most $perEntity starting at each.
// The walk from an entity stops at its first $perEntity hits, so a hub's many thousands of
// relations are not all read (hubs mostly link to hubs, which are the entities shown).
MATCH (n:Entity)
WHERE n.id IN $ids
WITH collect(n) AS shown
UNWIND shown AS a
CALL (a, shown) {
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN shown
  RETURN r, b
  LIMIT $perEntity
}
RETURN r {.*, type: type(r), source: a.id, target: b.id} AS relation
