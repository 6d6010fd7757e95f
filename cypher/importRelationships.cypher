// Upsert relationships by id between existing nodes. The type comes from the model's list (validated
// before this runs), and endpoints were checked to exist; the checks (importChecks.ts) also refuse a
// file that would move a stored id to other nodes or another type, so a stored relationship with this
// id and type is the one between a and b. SET runs only when something differs, types included
// (`7 = 7.0` in Cypher; see importSources).
// The stored one is found by a seek on its type's id constraint (one branch per type of
// contract/model.ts, as importKnownRelationships), never by expanding a's relationships: not
// `MERGE (a)-[r:$(row.type) {id: row.id}]->(b)` (5.26 may plan it as a scan of every relationship per
// row on a young database, and keep that plan), nor a pattern comprehension from a into b, which walks
// a hub's thousands of relationships for each of its rows (quadratic in a hub's degree).
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
OPTIONAL CALL (row) {
  WITH row WHERE row.type = 'MEMBER_OF' MATCH ()-[r:MEMBER_OF {id: row.id}]->() USING INDEX r:MEMBER_OF(id) RETURN r
  UNION ALL
  WITH row WHERE row.type = 'MERGED_INTO' MATCH ()-[r:MERGED_INTO {id: row.id}]->() USING INDEX r:MERGED_INTO(id) RETURN r
  UNION ALL
  WITH row WHERE row.type = 'LED_BY' MATCH ()-[r:LED_BY {id: row.id}]->() USING INDEX r:LED_BY(id) RETURN r
  UNION ALL
  WITH row WHERE row.type = 'FOUGHT' MATCH ()-[r:FOUGHT {id: row.id}]->() USING INDEX r:FOUGHT(id) RETURN r
  UNION ALL
  WITH row WHERE row.type = 'PARTICIPATED_IN' MATCH ()-[r:PARTICIPATED_IN {id: row.id}]->() USING INDEX r:PARTICIPATED_IN(id) RETURN r
  UNION ALL
  WITH row WHERE row.type = 'SUPPORTED_BY' MATCH ()-[r:SUPPORTED_BY {id: row.id}]->() USING INDEX r:SUPPORTED_BY(id) RETURN r
  UNION ALL
  WITH row WHERE row.type = 'BASED_IN' MATCH ()-[r:BASED_IN {id: row.id}]->() USING INDEX r:BASED_IN(id) RETURN r
  UNION ALL
  WITH row WHERE row.type = 'SAME_AS' MATCH ()-[r:SAME_AS {id: row.id}]->() USING INDEX r:SAME_AS(id) RETURN r
}
WITH a, b, row, r AS existing
// A relationship created here is a claim's first version: claimId = id, stamped recordedAt/recordedBy
// (contract/knownTime.ts); a held one keeps its stamps, which are not the file's to compare or replace.
CALL (a, b, row, existing) {
  WITH a, b, row WHERE existing IS NULL
  CREATE (a)-[created:$(row.type)]->(b)
  SET created = row.props, created.claimId = row.id, created.recordedAt = $recordedAt, created.recordedBy = $recordedBy
}
CALL (row, existing) {
  WITH row, existing
  WHERE existing IS NOT NULL
    AND (any(k IN keys(row.props) WHERE existing[k] IS NULL OR existing[k] <> row.props[k]
                                        OR valueType(existing[k]) <> valueType(row.props[k]))
         OR any(k IN keys(existing) WHERE NOT k IN keys(row.props) AND NOT k IN ['claimId', 'recordedAt', 'recordedBy']))
  WITH row, existing, existing {.claimId, .recordedAt, .recordedBy} AS stamps
  SET existing = row.props
  SET existing += stamps
}
