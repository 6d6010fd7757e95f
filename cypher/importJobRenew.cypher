// Renews a job's lease, and records its progress when `done` is given (in each batch's own transaction,
// so the progress read back is always that of committed batches). Touches only the job node, so the
// heartbeat renewing it does not wait for a batch holding the import lock. Only a job still being
// written or rolled back is renewed: a heartbeat in flight when its job ended would otherwise give the
// ended job a fresh lease, refusing its rollback for a lease length.
// The job node is write-locked BEFORE its status is read (set and removed at once, leaving nothing): read
// first, a heartbeat could see 'running', wait on importJobFinish's lock, and then write its lease over
// the ended job, since Cypher does not read a predicate again after waiting for a lock. Locked first,
// it waits and then reads the status the finish committed. The idiom is Neo4j's own for lost updates
// (Operations Manual, "Concurrent data access": take the write lock, then read).
MATCH (j:ImportJob {id: $id})
SET j.leaseLock = true
REMOVE j.leaseLock
WITH j
WHERE j.status IN ['running', 'rollingBack']
SET j.leaseUntil = datetime.realtime().epochMillis + $leaseMs, j.updatedAt = datetime.realtime(),
    j.done = coalesce($done, j.done)
