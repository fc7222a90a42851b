MATCH (m:GraphMeta {id: 'current'})
RETURN m.fileHash AS fileHash, m.entities AS entities, m.relations AS relations
