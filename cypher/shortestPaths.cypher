// The shortest routes between two nodes, at most $maxLength steps (6 is the hard ceiling Cypher needs
// as a literal), optionally only through relationships of $types that hold on $asOf (stored valid time,
// contract/validTime.ts).
// Only per-relationship predicates stand in the MATCH's WHERE: those the breadth-first search checks as it
// goes. A predicate on the whole path (its length) would make Neo4j fall back to trying every path.
// A route is a sequence of nodes: paths that differ only in which of several parallel relationships they
// take between two consecutive nodes are one route (DISTINCT streams, so LIMIT still stops the search
// early), and each step then lists every relationship between its two nodes that passes the filters.
// Only facts known at $knownUntil (null: current ones), server/db/cypher.ts `{{knownOn x}}`.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE {{knownOn a}} AND {{knownOn b}}
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE
        ($types IS NULL OR type(r) IN $types)
    AND ($asOf IS NULL OR r.validFrom <= $asOf <= r.validTo)
    AND {{knownOn r}})
WITH p
WHERE length(p) <= $maxLength
WITH DISTINCT nodes(p) AS route
LIMIT $limit
RETURN route AS nodes,
       COLLECT {
         UNWIND range(0, size(route) - 2) AS i
         WITH i, route[i] AS x, route[i + 1] AS y
         MATCH (x)-[r]-(y)
         WHERE ($types IS NULL OR type(r) IN $types)
           AND ($asOf IS NULL OR r.validFrom <= $asOf <= r.validTo)
           AND {{knownOn r}}
         RETURN {step: i, relationship: r, source: startNode(r).id, target: endNode(r).id}
       } AS relationships
