// Upsert relationships by id between existing nodes. The type comes from the model's list
// (validated before this runs), and endpoints were checked to exist.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
WITH r, row
WHERE properties(r) <> row.props
SET r = row.props
