// One save: the investigation moves to version $n and a revision keeps the document and snapshot as
// JSON strings. The revision knows its investigation by id only (never a relationship: paths and
// neighbourhoods must never route through the workspace). The lock taken by investigationLock is
// released by the end of the transaction; `held` goes, so the stored node carries nothing of it.
MATCH (i:Investigation {id: $id})
SET i.version = $n,
    i.title = $title,
    i.description = $description,
    i.updatedAt = $now,
    i.nodes = $nodes,
    i.edges = $edges,
    i.notes = $notes
REMOVE i.held
CREATE (r:InvestigationRevision {
  investigationId: $id,
  n: $n,
  savedAt: $now,
  restoredFrom: $restoredFrom,
  title: $title,
  nodes: $nodes,
  edges: $edges,
  notes: $notes,
  document: $document,
  snapshot: $snapshot
})
RETURN i
