UNWIND $entities AS entity
MERGE (n:Entity {id: entity.id})
SET n = entity
