// One node with all its properties and the Source nodes it cites, in the order it cites them.
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (s:Source) WHERE s.id IN coalesce(n.sources, [])
WITH n, s ORDER BY s.number, s.id
RETURN n AS node, collect(s) AS sources
