// paths-shortest.cypher when the request filters nothing (no relation types, no avoided
// entities, no date): the same bidirectional ShortestPath with no predicate to evaluate at
// each step. Measured on a generated graph of a million relations, between the pairs that
// take longest: 17–30 ms against 28–55 ms with the filters' null checks and the label check,
// for the same db hits. Relations only ever join two entities of one generation
// (cypher/stage-relations.cypher), so a walk meets no other node; the label check after the
// LIMIT keeps a path through anything else out should a database break that rule. `~N`
// sets the bound (server/db/cypher.ts).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*1..6]-(b))
WITH p LIMIT 25
WITH p WHERE all(y IN nodes(p) WHERE y:Entity)
RETURN [n IN nodes(p) | n.id] AS ids,
       [n IN nodes(p) | n.degree] AS degrees,
       [n IN nodes(p) | CASE WHEN n.kind = 'EVENT' THEN n.start END] AS eventDates,
       [rel IN relationships(p) |
         rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}] AS relations
