// The sizes the loader counted while it read the file (one node, written with the graph):
// no scan of the graph per request, whatever its size.
OPTIONAL MATCH (m:GraphMeta {id: 'current'})
RETURN coalesce(m.entities, 0) AS entities, coalesce(m.relations, 0) AS relations,
       coalesce(m.documents, 0) AS documents, coalesce(m.byKind, '[]') AS byKind,
       coalesce(m.byRelationType, '[]') AS byRelationType, coalesce(m.hubDegree, 10) AS hubDegree,
       m.loadedAt AS loadedAt
