// One change to a fact (server/services/history.ts recordChange), written in the transaction of the
// change itself, so a refused write leaves no entry. Append-only: no query of the app changes or
// deletes one. Workspace, not network: no :Entity label and no relationship to anything.
CREATE (:FactChange {
  id: $id,
  at: $at,
  username: $username,
  action: $action,
  subject: $subject,
  subjectKind: $subjectKind,
  sources: $sources,
  reason: $reason,
  before: $before,
  after: $after
})
