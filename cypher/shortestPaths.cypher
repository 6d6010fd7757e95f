// The shortest paths between two nodes, at most $maxLength steps (6 is the hard ceiling Cypher needs
// as a literal), optionally only through relationships of $types that hold on $asOf.
// Only per-relationship predicates stand in the MATCH's WHERE: those the breadth-first search checks as it
// goes. A predicate on the whole path (its length) would make Neo4j fall back to trying every path.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE
        ($types IS NULL OR type(r) IN $types)
    AND ($asOf IS NULL OR (
          (r.from IS NULL OR r.from <= $asOf)
      AND (r.to IS NULL OR $asOf <= r.to OR $asOf STARTS WITH r.to))))
WITH p
WHERE length(p) <= $maxLength
RETURN [n IN nodes(p) | n] AS nodes,
       [r IN relationships(p) | {relationship: r, source: startNode(r).id, target: endNode(r).id}] AS relationships
LIMIT $limit
