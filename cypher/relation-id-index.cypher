// One per relationship type in the loaded graph. TYPE is replaced by the type name, which the
// loader has checked against ^[A-Z][A-Z0-9_]*$ (Neo4j takes no parameters in schema commands).
CREATE INDEX relation_id_TYPE IF NOT EXISTS FOR ()-[r:`TYPE`]-() ON (r.id)
