// What an import dry run (server/services/importDryRun.ts) compares a file's relationships with: the
// stored properties of the current relationship under each id. One branch per type of contract/model.ts
// (as importRelationships), so each lookup is a seek on that type's id constraint.
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.type = 'MEMBER_OF' MATCH ()-[r:MEMBER_OF {id: row.id}]->() RETURN r
  UNION ALL
  WITH row WHERE row.type = 'MERGED_INTO' MATCH ()-[r:MERGED_INTO {id: row.id}]->() RETURN r
  UNION ALL
  WITH row WHERE row.type = 'LED_BY' MATCH ()-[r:LED_BY {id: row.id}]->() RETURN r
  UNION ALL
  WITH row WHERE row.type = 'FOUGHT' MATCH ()-[r:FOUGHT {id: row.id}]->() RETURN r
  UNION ALL
  WITH row WHERE row.type = 'PARTICIPATED_IN' MATCH ()-[r:PARTICIPATED_IN {id: row.id}]->() RETURN r
  UNION ALL
  WITH row WHERE row.type = 'SUPPORTED_BY' MATCH ()-[r:SUPPORTED_BY {id: row.id}]->() RETURN r
  UNION ALL
  WITH row WHERE row.type = 'BASED_IN' MATCH ()-[r:BASED_IN {id: row.id}]->() RETURN r
  UNION ALL
  WITH row WHERE row.type = 'SAME_AS' MATCH ()-[r:SAME_AS {id: row.id}]->() RETURN r
}
// The current version (an ended one has no id, so none matches; said for the knownOn rule all the same).
WITH row, r WHERE r.supersededAt IS NULL
RETURN row.id AS id, properties(r) AS props
