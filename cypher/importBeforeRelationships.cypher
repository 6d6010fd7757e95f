// The relationships a batch is about to write, as they are now: what a rollback restores. One branch
// per type, each a seek on that type's id constraint (see importKnownRelationships).
UNWIND $rows AS row
CALL (row) {
  MATCH ()-[r:MEMBER_OF {id: row.id}]->() WHERE row.type = 'MEMBER_OF' RETURN r
  UNION ALL
  MATCH ()-[r:MERGED_INTO {id: row.id}]->() WHERE row.type = 'MERGED_INTO' RETURN r
  UNION ALL
  MATCH ()-[r:LED_BY {id: row.id}]->() WHERE row.type = 'LED_BY' RETURN r
  UNION ALL
  MATCH ()-[r:FOUGHT {id: row.id}]->() WHERE row.type = 'FOUGHT' RETURN r
  UNION ALL
  MATCH ()-[r:PARTICIPATED_IN {id: row.id}]->() WHERE row.type = 'PARTICIPATED_IN' RETURN r
  UNION ALL
  MATCH ()-[r:SUPPORTED_BY {id: row.id}]->() WHERE row.type = 'SUPPORTED_BY' RETURN r
  UNION ALL
  MATCH ()-[r:BASED_IN {id: row.id}]->() WHERE row.type = 'BASED_IN' RETURN r
}
RETURN row.id AS id, type(r) AS type, properties(r) AS props
