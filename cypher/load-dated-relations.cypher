// One node per dated relation, so the timeline reads relations in date order from an index.
UNWIND $dated AS row
MERGE (d:DatedRelation {relationId: row.relationId})
SET d = row
