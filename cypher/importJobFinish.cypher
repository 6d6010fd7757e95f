// Ends a job (done, failed, rolledBack) and releases the import lease if it holds it; its own lease
// ends too, so a rollback may take it at once.
MATCH (j:ImportJob {id: $id})
SET j.status = $status, j.finishedAt = datetime(), j.updatedAt = datetime(), j.error = $error,
    j.kept = coalesce($kept, j.kept), j.leaseUntil = 0
WITH j
OPTIONAL MATCH (l:ImportLock {id: 'import'}) WHERE l.job = $id
REMOVE l.job, l.holder
