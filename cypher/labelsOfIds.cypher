// The labels of existing nodes, so an import file may link to what the database already holds.
UNWIND $ids AS wanted
MATCH (n:Entity {id: wanted})
RETURN n.id AS id, labels(n) AS labels
