// Both ends are bound first, so the planner searches from both sides at once
// (StatefulShortestPath(Into)); tests/integration/paths-plan.int.test.ts holds it to that.
// SHORTEST 10 returns paths shortest first; longer than $maxLength and beyond $first are cut
// afterwards (see server/repository/paths.ts), which keeps the bounds constant for the planner.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 10 (a)((x:Entity)-[r]-(y:Entity)
    WHERE ($types IS NULL OR type(r) IN $types) AND NOT y.id IN $avoid){1,6}(b)
WHERE length(p) <= $maxLength
RETURN [n IN nodes(p) | n {.id, .name, .kind, .aliases, .summary, .start, .end, .sources, .beyondSource,
           degree: coalesce(n.degree, 0)}] AS entities,
       [rel IN relationships(p) |
         rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}] AS relations
LIMIT $first
