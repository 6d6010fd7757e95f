// A page of the audit trail, newest first (server/services/audit.ts). Every filter is optional (null
// matches all); `before` is the id of the last entry of the previous page. Ids sort as they were
// written (a zero-padded instant, then a random tail), so (at, id) order is one order.
MATCH (a:AuditEntry)
WHERE ($user IS NULL OR a.username = $user)
  AND ($action IS NULL OR a.action = $action)
  AND ($since IS NULL OR a.at >= $since)
  AND ($until IS NULL OR a.at < $until)
  AND ($before IS NULL OR a.id < $before)
RETURN a
ORDER BY a.id DESC
LIMIT $limit
