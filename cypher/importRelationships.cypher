// Upsert relationships by id between existing nodes. The type comes from the model's list (validated
// before this runs), and endpoints were checked to exist. SET runs only when something differs, types
// included (`7 = 7.0` in Cypher; see importSources).
// Not `MERGE (a)-[r:$(row.type) {id: row.id}]->(b)`, nor an OPTIONAL MATCH between a and b: on a young
// database 5.26 may plan both as a scan of every relationship, per row, and keep that plan as the data
// grows. A pattern comprehension from the bound nodes always expands from a into b.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
WITH a, b, row, [(a)-[r]->(b) WHERE r.id = row.id AND type(r) = row.type | r][0] AS existing
CALL (a, b, row, existing) {
  WITH a, b, row WHERE existing IS NULL
  CREATE (a)-[created:$(row.type)]->(b)
  SET created = row.props
}
CALL (row, existing) {
  WITH row, existing
  WHERE existing IS NOT NULL
    AND (properties(existing) <> row.props
         OR any(k IN keys(row.props) WHERE valueType(existing[k]) <> valueType(row.props[k])))
  SET existing = row.props
}
