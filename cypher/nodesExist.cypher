// Which of the given ids exist, with their labels (to tell an unknown id from a path that does not exist).
UNWIND $ids AS wanted
OPTIONAL MATCH (n:Entity {id: wanted})
RETURN wanted AS id, n IS NOT NULL AS exists, labels(n) AS labels
