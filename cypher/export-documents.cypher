MATCH (d:Document)
RETURN properties(d) AS document
ORDER BY d.id
