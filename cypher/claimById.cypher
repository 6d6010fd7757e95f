// The current version of claim $id (server/services/claims.ts): ended versions have no id, so this is
// the one a correction or retraction ends. One branch per type of contract/model.ts, each a seek on that
// type's id constraint (as importKnownRelationships), where a lookup without a type would scan them all.
CALL () {
  MATCH (a)-[r:MEMBER_OF {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:MERGED_INTO {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:LED_BY {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:FOUGHT {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:PARTICIPATED_IN {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:SUPPORTED_BY {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:BASED_IN {id: $id}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:SAME_AS {id: $id}]->(b) RETURN r, a, b
}
RETURN elementId(r) AS elementId, type(r) AS type, properties(r) AS props, a.id AS source, b.id AS target
