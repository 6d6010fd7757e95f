// Stores the search keys the current folding makes (server/services/searchKeys.ts), one row per node.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.searchKeys = row.searchKeys
