// The relationship types the store holds (each gets its id index, see relation-id-index.cypher).
CALL db.relationshipTypes() YIELD relationshipType
RETURN collect(relationshipType) AS types
