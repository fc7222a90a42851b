UNWIND $rows AS row
CREATE (d:Staged:StagedDatedRelation)
SET d = row
