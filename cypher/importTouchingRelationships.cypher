// Every relationship touching the given nodes (whose lifetimes an import changes), with what its valid
// time is derived from: its stated interval and both ends' lifetime properties (contract/validTime.ts).
// Found by expanding from the nodes, so it never scans relationships; elementId writes the result back.
UNWIND $ids AS nodeId
MATCH (n:Entity {id: nodeId})
CALL (n) {
  MATCH (n)-[r]->(b:Entity)
  RETURN n AS a, r, b
  UNION
  MATCH (a:Entity)-[r]->(n)
  RETURN a, r, n AS b
}
WITH DISTINCT a, r, b
RETURN elementId(r) AS elementId, r.id AS id, r.from AS from, r.to AS to,
       r.validFrom AS validFrom, r.validTo AS validTo,
       a.id AS source, labels(a) AS sourceLabels, a {.founded, .foundedQualifier, .dissolved, .dissolvedQualifier, .date, .dateQualifier, .endDate} AS sourceTime,
       b.id AS target, labels(b) AS targetLabels, b {.founded, .foundedQualifier, .dissolved, .dissolvedQualifier, .date, .dateQualifier, .endDate} AS targetTime
