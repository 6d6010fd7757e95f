// One audit entry (server/services/audit.ts), written in the transaction of the write it records, so
// the two are committed or refused together. Append-only: no query of the app changes or deletes one.
// Workspace, not network: no :Entity label and no relationship to anything.
CREATE (:AuditEntry {
  id: $id,
  at: $at,
  username: $username,
  action: $action,
  address: $address,
  ids: $ids,
  detail: $detail
})
