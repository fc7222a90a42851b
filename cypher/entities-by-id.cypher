// Only the fields an Entity shows (not the search text or the date bounds): less to ship.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.id, .name, .kind, .aliases, .summary, .start, .end, .sources, .beyondSource,
          degree: coalesce(n.degree, 0)} AS entity
