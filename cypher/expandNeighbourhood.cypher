// One step of a neighbourhood expansion: the distinct neighbours of the frontier nodes, through
// relationships of $types that hold on $asOf (stored valid time, contract/validTime.ts), with a label
// in $labels; best connected first. The relationships among the nodes found are read afterwards, all at
// once (relationshipsAmong.cypher), so links between neighbours are not lost.
// Only facts known at $knownUntil (null: current ones), server/db/cypher.ts `{{knownOn x}}`.
UNWIND $frontier AS frontierId
MATCH (n:Entity {id: frontierId})-[r]-(m:Entity)
USING INDEX SEEK n:Entity(id)
WHERE NOT m:Source
  AND ($types IS NULL OR type(r) IN $types)
  AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
  AND ($asOf IS NULL OR r.validFrom <= $asOf <= r.validTo)
  AND {{knownOn r}}
  AND {{knownOn m}}
WITH DISTINCT m
RETURN m AS neighbour
ORDER BY COUNT { (m)--() } DESC, m.id
LIMIT $rowCap
