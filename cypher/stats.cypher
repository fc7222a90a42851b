CALL () {
  MATCH (n:Entity)
  RETURN count(n) AS entities
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  RETURN count(r) AS relations
}
CALL () {
  MATCH (n:Entity)
  WITH n.kind AS kind, count(*) AS count
  ORDER BY count DESC, kind
  RETURN collect({kind: kind, count: count}) AS byKind
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WITH type(r) AS type, count(*) AS count, head(collect(r.label)) AS label,
       head(collect(r.inverseLabel)) AS inverseLabel
  ORDER BY count DESC, type
  RETURN collect({type: type, count: count, label: label, inverseLabel: inverseLabel}) AS byRelationType
}
RETURN entities, relations, byKind, byRelationType
