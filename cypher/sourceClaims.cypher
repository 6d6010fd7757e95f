// What a source states: the nodes that cite it, and the relationships that cite it with their end nodes,
// at most $limit of each, in id order so that a cut is stable. No row when there is no such source.
MATCH (source:Source {id: $id})
RETURN
  COLLECT {
    MATCH (n:Entity)
    WHERE NOT n:Source AND source.id IN n.sources AND {{knownOn n}}
    RETURN n ORDER BY n.id LIMIT $limit
  } AS nodes,
  COLLECT {
    MATCH (a:Entity)-[r]->(b:Entity)
    WHERE source.id IN r.sources AND {{knownOn r}}
    RETURN { relationship: r, start: a, end: b } AS claim ORDER BY r.id LIMIT $limit
  } AS claims
