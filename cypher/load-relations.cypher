// The relationship type comes from the graph file and was checked against the loader's
// pattern for type names (^[A-Z][A-Z0-9_]*$) before this runs; $() makes it a dynamic type.
UNWIND $relations AS rel
MATCH (a:Entity {id: rel.source}), (b:Entity {id: rel.target})
MERGE (a)-[r:$(rel.type) {id: rel.id}]->(b)
SET r = rel.properties
