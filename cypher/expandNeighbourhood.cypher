// One step of a neighbourhood expansion: the relationships and neighbours of the frontier nodes,
// filtered by type, neighbour label and, when $asOf is set, by the relationship's interval
// (rule in contract/partialDate.ts: a partial `from` counts from its first day, a partial `to` to its last).
UNWIND $frontier AS frontierId
MATCH (n:Entity {id: frontierId})-[r]-(m:Entity)
WHERE NOT m:Source
  AND ($types IS NULL OR type(r) IN $types)
  AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
  AND ($asOf IS NULL OR (
        (r.from IS NULL OR r.from <= $asOf)
    AND (r.to IS NULL OR $asOf <= r.to OR $asOf STARTS WITH r.to)))
RETURN r AS relationship, startNode(r).id AS source, endNode(r).id AS target, m AS neighbour
ORDER BY COUNT { (m)--() } DESC, m.id, r.id
LIMIT $rowCap
