// Ends by element id (NodeByElementIdSeek); CREATE, not MERGE: the generation is new, and the
// file's relation ids were checked unique before. The type is dynamic ($(…)): the loader
// checked every type against ^[A-Z][A-Z0-9_]*$, and CREATE needs no scan to place it.
// A dated relation also gets its DatedRelation node here (seed/rows.ts datedRelation).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.source
MATCH (b) WHERE elementId(b) = row.target
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
FOREACH (_ IN CASE WHEN row.dated IS NULL THEN [] ELSE [1] END |
  CREATE (d:Staged:StagedDatedRelation)
  SET d = row.dated)
RETURN count(*) AS created
