// Rollback, nodes and sources: restores those the batch changed (labels as they were: an import only
// adds its item's own label) and deletes those it created, unless something links to them still (a
// later write): those are kept and returned, so nothing written after the import is lost. The batches
// are undone last first, so the import's own relationships are gone before its nodes are reached.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, EXISTS { (n)--() } AS linked
CALL (n, row) {
  WITH n, row WHERE row.props IS NOT NULL
  SET n = row.props
  WITH n, row
  UNWIND [l IN labels(n) WHERE NOT l IN row.labels] AS added
  REMOVE n:$(added)
}
CALL (n, row, linked) {
  WITH n WHERE row.props IS NULL AND NOT linked
  DELETE n
}
WITH row, linked
WHERE row.props IS NULL AND linked
RETURN row.id AS kept
