// The empty lists the normal import stores (`aliases: []`, no search keys) and CSV cannot say (an empty
// cell is no property): set on the nodes the bulk path names, after its import.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.aliases = CASE WHEN row.aliases THEN [] ELSE n.aliases END,
    n.searchKeys = CASE WHEN row.searchKeys THEN [] ELSE n.searchKeys END
