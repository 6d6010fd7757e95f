// The nodes and sources a batch is about to write, as they are now: what a rollback restores.
UNWIND $ids AS wanted
MATCH (n:Entity {id: wanted})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
