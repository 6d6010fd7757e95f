// Stores derived valid time (contract/validTime.ts, computed by the importer) on relationships known by
// elementId: those an import's new node lifetimes move, and those the start-up derivation fills.
UNWIND $rows AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.elementId
SET r.validFrom = row.validFrom, r.validTo = row.validTo
