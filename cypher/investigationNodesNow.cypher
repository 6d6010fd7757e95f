// The network's nodes of the given ids as they are now (a snapshot's nodes, to compare): one index seek each.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
// A merged-away node is not in the network now (server/db/cypher.ts `{{knownOn x}}`, $knownUntil null).
WHERE {{knownOn n}}
RETURN n AS node
