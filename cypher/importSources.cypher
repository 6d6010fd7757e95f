// Upsert Source nodes by id. SET runs only when something differs, so a second import of the same
// file reports no changes.
UNWIND $rows AS row
MERGE (s:Entity {id: row.id})
WITH s, row
WHERE NOT s:Source OR properties(s) <> row.props
SET s = row.props, s:Source
