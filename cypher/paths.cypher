// Candidate paths for ranking (server/repository/paths.ts ranks them by server/domain/path-cost.ts):
// the 25 shortest that pass no hub (an entity of degree >= GraphMeta's hubDegree, read here so
// that this search starts beside path-weights.cypher, not after it), so that a longer path
// through specific entities is a candidate even when many short ones run through hubs. paths-shortest.cypher adds the
// shortest paths through anything. Hubs are told by their stored degree, not by a list of
// their ids: on a graph of a million relations `NOT y.id IN $hubs` checked a list of a
// thousand ids at every step. Both ends are bound first, so the search is planned as
// StatefulShortestPath(Into); tests/integration/api-paths.int.test.ts holds it to that. It
// walks forward from one end, which stays cheap only while no hub is passed: a hub's 40,000
// relations put most of the graph in its second level. Inside a step: relation types, avoided
// entities and hubs, and as of a date what had begun by $asOfMax and not ended before
// $asOfMin. Chronological order is checked on the candidates (server/domain/chronology.ts):
// as a predicate inside the pattern it made planning take twice as long, and a plan that
// takes longer than the transaction timeout is never cached. {1,6} is the longest search;
// server/repository/paths.ts runs `paths~N`, this statement with the bound set to the
// request's maxLength (server/db/cypher.ts), so no search walks further than asked.
// A step checks no label and compares the far end as a node (`y = b`), which reads nothing:
// relations only ever join two entities of one generation (cypher/stage-relations.cypher),
// and the check after the search keeps a path through anything else out should a database
// break that rule (on the 1M graph this halved the db hits of the search).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
OPTIONAL MATCH (meta:GraphMeta {id: 'current'})
WITH a, b, meta.hubDegree AS hubDegree
MATCH p = SHORTEST 25 (a)((x)-[r]-(y)
    WHERE ($types IS NULL OR type(r) IN $types)
      AND NOT y.id IN $blocked
      AND (y = b OR hubDegree IS NULL OR y.degree < hubDegree)
      AND ($asOfMax IS NULL OR r.startMin IS NULL OR r.startMin <= $asOfMax)
      AND ($asOfMin IS NULL OR r.endMax IS NULL OR r.endMax >= $asOfMin)
      AND ($asOfMax IS NULL OR y.startMin IS NULL OR y.startMin <= $asOfMax)
      AND ($asOfMin IS NULL OR y.endMax IS NULL OR y.endMax >= $asOfMin)){1,6}(b)
WHERE length(p) <= $maxLength
WITH p WHERE all(y IN nodes(p) WHERE y:Entity)
RETURN [n IN nodes(p) | n.id] AS ids,
       [n IN nodes(p) | n.degree] AS degrees,
       [n IN nodes(p) | CASE WHEN n.kind = 'EVENT' THEN n.start END] AS eventDates,
       [rel IN relationships(p) |
         rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}] AS relations
