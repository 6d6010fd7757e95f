// A new investigation's own node (server/services/investigations.ts), at version 0: its first revision
// (investigationAddRevision, same transaction) makes it version 1. Workspace, not network: no :Entity
// label and no relationship to anything, so exploration, search and paths never reach it. Owned by
// $owner, shared with nobody yet (investigationShare).
CREATE (i:Investigation {
  id: $id,
  title: $title,
  description: $description,
  version: 0,
  createdAt: $now,
  updatedAt: $now,
  nodes: 0,
  edges: 0,
  notes: 0,
  owner: $owner,
  readers: [],
  editors: []
})
