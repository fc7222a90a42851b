// Removes a retired generation, or what an interrupted import left staged, a batch of nodes
// (with their relations) per transaction; the loader repeats it until it deletes nothing.
MATCH (n:Retired|Staged)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
