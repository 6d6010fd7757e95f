// The relationships a batch is about to write, as they are now: what a rollback restores. One branch
// per type, each a seek on that type's id constraint (see importKnownRelationships).
UNWIND $rows AS row
CALL (row) {
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
RETURN row.id AS id, type(r) AS type, properties(r) AS props
