// Upsert nodes by id. The label comes from the model's list (validated before this runs).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row
WHERE NOT row.label IN labels(n) OR properties(n) <> row.props
SET n = row.props, n:$(row.label)
