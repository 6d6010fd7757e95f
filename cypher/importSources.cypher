// Upsert Source nodes by id. SET runs only when something differs, so a second import of the same
// file reports no changes. `7 = 7.0` in Cypher, so types are compared too: a FLOAT stored where the
// file has an INTEGER (a database imported before integers were kept) is corrected.
// Stamps as importNodes: recordedAt/recordedBy on creation, a held source's stamps kept and not compared.
UNWIND $rows AS row
MERGE (s:Entity {id: row.id})
ON CREATE SET s.recordedAt = $recordedAt, s.recordedBy = $recordedBy
WITH s, row, s {.recordedAt, .recordedBy, .changedAt, .changedBy} AS stamps
WHERE NOT s:Source
   OR any(k IN keys(row.props) WHERE s[k] IS NULL OR s[k] <> row.props[k] OR valueType(s[k]) <> valueType(row.props[k]))
   OR any(k IN keys(s) WHERE NOT k IN keys(row.props) AND NOT k IN ['recordedAt', 'recordedBy', 'changedAt', 'changedBy'])
SET s = row.props, s:Source
SET s += stamps
