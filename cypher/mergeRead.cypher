// The two current nodes of a merge (server/services/merge.ts): the one kept and the duplicate, with
// their labels and every property. A merged-away node (supersededAt set) is not current.
MATCH (n:Entity)
WHERE n.id IN [$keep, $duplicate] AND n.supersededAt IS NULL
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
