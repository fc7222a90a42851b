// $query is built by server/repository/search.ts from escaped terms only.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $candidates})
YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN node.id AS id, node.name AS name, node.aliases AS aliases, score
ORDER BY score DESC
