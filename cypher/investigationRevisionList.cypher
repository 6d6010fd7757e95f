// Every revision of an investigation, newest first, without their documents.
MATCH (r:InvestigationRevision {investigationId: $id})
RETURN r.n AS n, r.savedAt AS savedAt, r.title AS title, r.nodes AS nodes, r.edges AS edges, r.notes AS notes,
       r.restoredFrom AS restoredFrom
ORDER BY n DESC
