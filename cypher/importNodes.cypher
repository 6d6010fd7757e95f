// Upsert nodes by id. The label comes from the model's list (validated before this runs). SET runs
// only when something differs, types included (`7 = 7.0` in Cypher; see importSources).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row
WHERE NOT row.label IN labels(n) OR properties(n) <> row.props
   OR any(k IN keys(row.props) WHERE valueType(n[k]) <> valueType(row.props[k]))
SET n = row.props, n:$(row.label)
