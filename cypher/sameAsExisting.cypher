// A current SAME_AS claim between two nodes, either way round (server/services/sameAs.ts): a second one
// between the same two nodes is refused, where the first could cite one more source instead.
MATCH (a:Entity {id: $a})-[r:SAME_AS]-(b:Entity {id: $b})
WHERE r.supersededAt IS NULL
RETURN r.id AS id
LIMIT 1
