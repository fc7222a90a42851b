// One transaction: the live generation is retired, the staged one becomes live, and the
// derived data (GraphMeta) is replaced, so readers see the old graph or the new one, whole.
MATCH (n:Entity) SET n:Retired REMOVE n:Entity;
MATCH (d:DatedRelation) SET d:Retired REMOVE d:DatedRelation;
MATCH (d:Document) SET d:Retired REMOVE d:Document;
MATCH (n:StagedEntity) SET n:Entity REMOVE n:Staged:StagedEntity;
MATCH (d:StagedDatedRelation) SET d:DatedRelation REMOVE d:Staged:StagedDatedRelation;
MATCH (d:StagedDocument) SET d:Document REMOVE d:Staged:StagedDocument;
MERGE (m:GraphMeta {id: 'current'}) SET m = $meta;
