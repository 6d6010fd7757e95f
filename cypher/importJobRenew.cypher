// Renews a job's lease, and records its progress when `done` is given (in each batch's own transaction,
// so the progress read back is always that of committed batches). Touches only the job node, so the
// heartbeat renewing it does not wait for a batch holding the import lock. Only a job still being
// written or rolled back is renewed: a heartbeat already in flight when its job ended commits after
// importJobFinish and would otherwise give the ended job a fresh lease, refusing its rollback for a
// lease length (the write on the job node orders the two).
MATCH (j:ImportJob {id: $id})
WHERE j.status IN ['running', 'rollingBack']
SET j.leaseUntil = datetime.realtime().epochMillis + $leaseMs, j.updatedAt = datetime.realtime(),
    j.done = coalesce($done, j.done)
