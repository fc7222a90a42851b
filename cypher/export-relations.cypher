// The relations that start at one page of entities (ids from export-entities).
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]->(m:Entity)
RETURN n.id AS source, m.id AS target, type(r) AS type, properties(r) AS relation
