// Every relationship whose both ends are among $ids, optionally only of $types and holding on $asOf
// (stored valid time, contract/validTime.ts). One unique-index seek per id, then that node's outgoing
// relationships (each relationship is found once, from its start node): never a scan of all of them.
// The hint holds that plan also when the planner's statistics are stale (just after an import it may
// otherwise scan the whole id index per id).
// Only facts known at $knownUntil (null: current ones), server/db/cypher.ts `{{knownOn x}}`.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
USING INDEX SEEK a:Entity(id)
WHERE b.id IN $ids
  AND ($types IS NULL OR type(r) IN $types)
  AND ($asOf IS NULL OR r.validFrom <= $asOf <= r.validTo)
  AND {{knownOn r}}
RETURN r AS relationship, a.id AS source, b.id AS target
