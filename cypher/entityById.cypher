// One node or source with its labels and every property, whatever its state (a curation edit reads the
// version it replaces; a merged-away node has supersededAt and is refused by the service).
MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, properties(n) AS props
