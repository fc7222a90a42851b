// The best-connected entities, read from the `entity_degree` index in descending order
// (the loader stores each entity's degree): no degree is computed here.
MATCH (n:Entity)
WHERE n.degree IS NOT NULL
WITH n
ORDER BY n.degree DESC, n.id
LIMIT $limit
RETURN n {.id, .name, .kind, .aliases, .summary, .start, .end, .sources, .beyondSource,
           degree: coalesce(n.degree, 0)} AS entity
