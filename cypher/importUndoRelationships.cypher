// Rollback, relationships: deletes those the batch created and restores the properties of those it
// changed (rows: {id, type, props}; props null for created ones). One branch per type (see above).
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
  UNION ALL
  MATCH ()-[r:SAME_AS {id: row.id}]->() WHERE row.type = 'SAME_AS' RETURN r
}
CALL (r, row) {
  WITH r, row WHERE row.props IS NULL
  DELETE r
}
CALL (r, row) {
  WITH r, row WHERE row.props IS NOT NULL
  SET r = row.props
}
