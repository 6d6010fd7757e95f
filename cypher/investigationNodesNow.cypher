// The network's nodes of the given ids as they are now (a snapshot's nodes, to compare): one index seek each.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n AS node
