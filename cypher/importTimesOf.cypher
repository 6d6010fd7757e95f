// The stored valid time of relationships known by elementId: what an import's re-timing overwrites.
UNWIND $ids AS wanted
MATCH ()-[r]->()
WHERE elementId(r) = wanted
RETURN elementId(r) AS elementId, r.validFrom AS validFrom, r.validTo AS validTo
