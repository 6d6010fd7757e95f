// Deletes for good the investigations put in the bin before $before (an ISO instant; deletedAt is one
// too, so they compare as strings), with every revision of theirs.
MATCH (i:Investigation)
WHERE i.deletedAt < $before
CALL (i) {
  MATCH (r:InvestigationRevision {investigationId: i.id})
  DELETE r
}
DELETE i
RETURN count(*) AS purged
