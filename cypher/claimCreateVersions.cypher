// Creates claim versions between held nodes: the new current version of a moved or new claim, with
// every property given (id, claimId, recordedAt, recordedBy included). The type comes from
// contract/model.ts's list, checked before this runs. Rows: { start, end, type, props }.
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})
MATCH (b:Entity {id: row.end})
CREATE (a)-[c:$(row.type)]->(b)
SET c = row.props
