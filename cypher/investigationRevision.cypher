// One revision of an investigation, in full (document and snapshot as the JSON strings they were saved as).
MATCH (r:InvestigationRevision {investigationId: $id, n: $n})
RETURN r
