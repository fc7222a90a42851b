// Candidate paths for ranking (server/repository/paths.ts ranks them by server/domain/path-cost.ts).
// Run twice per search: once with $hubs empty (the 25 shortest paths) and once with the hubs (the
// 25 shortest that pass none), so that a longer path through specific entities is a candidate
// even when many short ones run through hubs. Both ends are bound first, so the search runs from
// both sides at once (StatefulShortestPath(Into)); tests/integration/api-paths.int.test.ts holds
// it to that. Inside a step: relation types, avoided entities and hubs, and as of a date what
// had begun by $asOfMax and not ended before $asOfMin. The chronological filter reads the whole
// path: inside the parenthesised pattern it applies before SHORTEST picks, so a path that goes
// back in time does not take a place. A step's date is its relation's, else its event's.
// {1,6} stays constant for the planner; longer than $maxLength is cut after SHORTEST.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 25 ((a)((x:Entity)-[r]-(y:Entity)
    WHERE ($types IS NULL OR type(r) IN $types)
      AND NOT y.id IN $blocked
      AND (y.id = $to OR NOT y.id IN $hubs)
      AND ($asOfMax IS NULL OR r.startMin IS NULL OR r.startMin <= $asOfMax)
      AND ($asOfMin IS NULL OR r.endMax IS NULL OR r.endMax >= $asOfMin)
      AND ($asOfMax IS NULL OR y.startMin IS NULL OR y.startMin <= $asOfMax)
      AND ($asOfMin IS NULL OR y.endMax IS NULL OR y.endMax >= $asOfMin)){1,6}(b)
    WHERE NOT $chronological OR reduce(s = {ok: true, hi: ''}, d IN [i IN range(0, size(r) - 1) |
        CASE
          WHEN r[i].startMin IS NOT NULL THEN {min: r[i].startMin, max: r[i].startMax}
          WHEN y[i].kind = 'EVENT' AND y[i].startMin IS NOT NULL
            THEN {min: y[i].startMin, max: y[i].startMax}
        END] |
      CASE WHEN d IS NULL THEN s
        ELSE {ok: s.ok AND d.max >= s.hi, hi: CASE WHEN d.min > s.hi THEN d.min ELSE s.hi END}
      END).ok)
WHERE length(p) <= $maxLength
RETURN [n IN nodes(p) | n.id] AS ids,
       [n IN nodes(p) | n.degree] AS degrees,
       [rel IN relationships(p) |
         rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}] AS relations
