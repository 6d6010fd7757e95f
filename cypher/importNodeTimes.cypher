// Stores derived lifetimes (contract/validTime.ts lifetimeOf, computed by the start-up derivation) on
// nodes known by elementId.
UNWIND $rows AS row
MATCH (n)
WHERE elementId(n) = row.elementId
SET n.validFrom = row.validFrom, n.validTo = row.validTo
