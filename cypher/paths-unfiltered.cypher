// paths.cypher when the request filters nothing (no relation types, no avoided entities, no
// date): the same hub-free SHORTEST 25, with only the hub check at each step, and that one
// reading one property (`y = b` compares nodes; `y.id = $to` read the id of every node
// walked). Relations only ever join two entities of one generation
// (cypher/stage-relations.cypher), so the steps check no label; the check after the search
// keeps a path through anything else out should a database break that rule. `~N` sets the
// bound (server/db/cypher.ts).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
OPTIONAL MATCH (meta:GraphMeta {id: 'current'})
WITH a, b, meta.hubDegree AS hubDegree
MATCH p = SHORTEST 25 (a)((x)-[r]-(y) WHERE y = b OR hubDegree IS NULL OR y.degree < hubDegree){1,6}(b)
WITH p WHERE all(y IN nodes(p) WHERE y:Entity)
RETURN [n IN nodes(p) | n.id] AS ids,
       [n IN nodes(p) | n.degree] AS degrees,
       [n IN nodes(p) | CASE WHEN n.kind = 'EVENT' THEN n.start END] AS eventDates,
       [rel IN relationships(p) |
         rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}] AS relations
