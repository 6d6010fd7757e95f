// The relationships of a snapshot as they are now: each found from its start node as the snapshot drew
// it ($edges: [{id, source}]), one index seek and that node's outgoing relationships, never a scan.
UNWIND $edges AS e
MATCH (a:Entity {id: e.source})-[r]->(b:Entity)
USING INDEX SEEK a:Entity(id)
WHERE r.id = e.id
  AND {{knownOn r}}
RETURN r AS relationship, a.id AS source, b.id AS target
