// The current claims of the duplicate of a merge (server/services/merge.ts): each relationship's
// element id (to end it by), type, direction, the node at its other end and every property.
MATCH (d:Entity {id: $duplicate})-[r]-(o:Entity)
WHERE r.supersededAt IS NULL
RETURN DISTINCT elementId(r) AS elementId, type(r) AS type, startNode(r) = d AS outgoing, o.id AS other,
       properties(r) AS props
ORDER BY elementId
