// The relationships the database already holds under the ids an import file uses, so that a file
// cannot move one to other nodes or give it another type (that would make a second relationship with
// the same id), nor give a relationship's id to a node or source (one id namespace). One branch per
// type of contract/model.ts: each lookup is then a seek on that type's id constraint, where a lookup
// without a type would scan every relationship.
UNWIND $ids AS wanted
CALL (wanted) {
  MATCH (a)-[r:MEMBER_OF {id: wanted}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:MERGED_INTO {id: wanted}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:LED_BY {id: wanted}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:FOUGHT {id: wanted}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:PARTICIPATED_IN {id: wanted}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:SUPPORTED_BY {id: wanted}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:BASED_IN {id: wanted}]->(b) RETURN r, a, b
  UNION ALL
  MATCH (a)-[r:SAME_AS {id: wanted}]->(b) RETURN r, a, b
}
RETURN wanted AS id, type(r) AS type, a.id AS source, b.id AS target
