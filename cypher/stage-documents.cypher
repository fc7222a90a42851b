// A new generation is written under staging labels that no query of the app reads; the
// switch (switch-generation.cypher) makes it the live graph in one transaction.
UNWIND $rows AS row
CREATE (d:Staged:StagedDocument)
SET d = row
