// The documents a user may attach text to, for the error that names them.
MATCH (d:Document)
RETURN d.id AS id
ORDER BY id
LIMIT 50
