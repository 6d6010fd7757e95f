// Upsert Source nodes by id. SET runs only when something differs, so a second import of the same
// file reports no changes. `7 = 7.0` in Cypher, so types are compared too: a FLOAT stored where the
// file has an INTEGER (a database imported before integers were kept) is corrected.
UNWIND $rows AS row
MERGE (s:Entity {id: row.id})
WITH s, row
WHERE NOT s:Source OR properties(s) <> row.props
   OR any(k IN keys(row.props) WHERE valueType(s[k]) <> valueType(row.props[k]))
SET s = row.props, s:Source
