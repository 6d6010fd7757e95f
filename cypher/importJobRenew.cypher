// Renews a job's lease, and records its progress when `done` is given (in each batch's own transaction,
// so the progress read back is always that of committed batches). Touches only the job node, so the
// heartbeat renewing it does not wait for a batch holding the import lock.
MATCH (j:ImportJob {id: $id})
SET j.leaseUntil = datetime.realtime().epochMillis + $leaseMs, j.updatedAt = datetime.realtime(),
    j.done = coalesce($done, j.done)
