// Only the fields an Entity shows (not the search text or the date bounds): less to ship.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.id, .name, .kind, .aliases, .summary, .start, .end, .sources, .beyondSource,
          degree: coalesce(n.degree, 0)} AS entity,
       // The documents it cites, so that a citation costs no second round trip (most entities
       // cite one or two; "document:paragraph" strings, see server/repository/records.ts).
       COLLECT {
         UNWIND coalesce(n.sources, []) AS citation
         WITH DISTINCT left(citation, size(citation) - size(last(split(citation, ':'))) - 1) AS cited
         MATCH (d:Document {id: cited})
         RETURN d {.id, .title, .publisher, .url, .date}
       } AS documents
