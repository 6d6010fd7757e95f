// Ends claim versions (common12.md, storage decisions): the ended version gives up `id` (so the id
// constraint holds and the next version can take it), keeps `claimId`, and records when, by whom and
// why it ended. Run before the new versions are created. Rows: { elementId, claimId }.
UNWIND $rows AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.elementId
SET r.claimId = row.claimId, r.supersededAt = $at, r.supersededBy = $username, r.endReason = $endReason
REMOVE r.id
