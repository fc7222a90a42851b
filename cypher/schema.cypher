// Applied at every start; each statement is idempotent (IF NOT EXISTS).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX entity_start IF NOT EXISTS FOR (n:Entity) ON (n.start);
// Names, aliases and their apostrophe-free spellings, in one text per entity (see seed/load.ts).
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
// Derived data written at load time (seed/derived.ts): the overview orders entities by degree,
// the timeline reads dated entities and dated relations in date order.
CREATE INDEX entity_degree IF NOT EXISTS FOR (n:Entity) ON (n.degree);
CREATE INDEX entity_start_min IF NOT EXISTS FOR (n:Entity) ON (n.startMin);
CREATE INDEX dated_relation_min IF NOT EXISTS FOR (d:DatedRelation) ON (d.dateMin);
// One entity's timeline reads its dated relations in date order from either end.
CREATE INDEX dated_relation_source IF NOT EXISTS FOR (d:DatedRelation) ON (d.source, d.dateMin);
CREATE INDEX dated_relation_target IF NOT EXISTS FOR (d:DatedRelation) ON (d.target, d.dateMin);
