// One page of entities in id order (keyset: the entity_id constraint's index gives the order).
MATCH (n:Entity)
WHERE n.id > $after
RETURN properties(n) AS entity
ORDER BY n.id
LIMIT $batch
