// Returns the element ids, so relations find their ends without any lookup by property.
UNWIND $rows AS row
CREATE (n:Staged:StagedEntity)
SET n = row
RETURN row.id AS id, elementId(n) AS elementId
