// Candidate paths for ranking (server/repository/paths.ts ranks them by server/domain/path-cost.ts).
// Run twice per search: once with $hubs empty (the 25 shortest paths) and once with the hubs (the
// 25 shortest that pass none), so that a longer path through specific entities is a candidate
// even when many short ones run through hubs. Both ends are bound first, so the search runs from
// both sides at once (StatefulShortestPath(Into)); tests/integration/api-paths.int.test.ts holds
// it to that. Inside a step: relation types, avoided entities and hubs, and as of a date what
// had begun by $asOfMax and not ended before $asOfMin. Chronological order is checked on the
// candidates (server/domain/chronology.ts): as a predicate inside the pattern it made planning
// take twice as long, and a plan that takes longer than the transaction timeout is never cached.
// {1,6} is the longest search; server/repository/paths.ts runs `paths~N`, this statement with
// the bound set to the request's maxLength (server/db/cypher.ts), so no search walks further
// than asked: without it, a search that finds few paths kept going to 6 steps, which on a
// graph of a million relations took longer than the timeout. One cached plan per bound.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 25 (a)((x:Entity)-[r]-(y:Entity)
    WHERE ($types IS NULL OR type(r) IN $types)
      AND NOT y.id IN $blocked
      AND (y.id = $to OR NOT y.id IN $hubs)
      AND ($asOfMax IS NULL OR r.startMin IS NULL OR r.startMin <= $asOfMax)
      AND ($asOfMin IS NULL OR r.endMax IS NULL OR r.endMax >= $asOfMin)
      AND ($asOfMax IS NULL OR y.startMin IS NULL OR y.startMin <= $asOfMax)
      AND ($asOfMin IS NULL OR y.endMax IS NULL OR y.endMax >= $asOfMin)){1,6}(b)
WHERE length(p) <= $maxLength
RETURN [n IN nodes(p) | n.id] AS ids,
       [n IN nodes(p) | n.degree] AS degrees,
       [n IN nodes(p) | CASE WHEN n.kind = 'EVENT' THEN n.start END] AS eventDates,
       [rel IN relationships(p) |
         rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}] AS relations
