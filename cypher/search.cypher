// $query is built by server/repository/search.ts from escaped terms only. The entity's fields
// come along, so a search costs one round trip (see entities-by-id.cypher for the same map).
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $candidates})
YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN node {.id, .name, .kind, .aliases, .summary, .start, .end, .sources, .beyondSource,
             degree: coalesce(node.degree, 0)} AS entity, score,
       // The documents it cites, so that a citation costs no second round trip (most entities
       // cite one or two; "document:paragraph" strings, see server/repository/records.ts).
       COLLECT {
         UNWIND coalesce(node.sources, []) AS citation
         WITH DISTINCT left(citation, size(citation) - size(last(split(citation, ':'))) - 1) AS cited
         MATCH (d:Document {id: cited})
         RETURN d {.id, .title, .publisher, .url, .date}
       } AS documents
ORDER BY score DESC
