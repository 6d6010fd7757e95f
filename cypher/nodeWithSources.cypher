// One node with all its properties and the Source nodes it cites: the article's references in their
// number order, then unnumbered sources by id (Cypher sorts nulls last).
// Only facts known at $knownUntil (null: current ones), server/db/cypher.ts `{{knownOn x}}`.
MATCH (n:Entity {id: $id})
WHERE {{knownOn n}}
OPTIONAL MATCH (s:Source) WHERE s.id IN coalesce(n.sources, [])
WITH n, s ORDER BY s.number, s.id
RETURN n AS node, collect(s) AS sources
