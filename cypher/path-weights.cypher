// What path ranking needs from the derived data of the loaded graph (GraphMeta, written by the
// loader): the hub threshold and the relations per type. Hubs are told by their stored degree
// (n.degree >= hubDegree) wherever they matter, so their ids are never collected: on a graph
// of a million relations that list had a thousand ids and cost 2,000 db hits a search.
OPTIONAL MATCH (m:GraphMeta {id: 'current'})
RETURN m.hubDegree AS hubDegree, m.byRelationType AS byRelationType
