// The best-connected entities, read from the `entity_degree` index in descending order
// (the loader stores each entity's degree): no degree is computed here.
MATCH (n:Entity)
WHERE n.degree IS NOT NULL
RETURN n.id AS id
ORDER BY n.degree DESC, n.id
LIMIT $limit
