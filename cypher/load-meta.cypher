// The derived data of the graph just loaded (seed/derived.ts): one node, replaced whole.
MERGE (m:GraphMeta {id: 'current'})
SET m = $meta
