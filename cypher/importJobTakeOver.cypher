// A run resuming (or rolling back) a job whose lease lapsed takes the lease with its own token; the run
// it replaces, if it is only stalled, finds another holder at its next batch and stops. Runs under importLock.
MATCH (l:ImportLock {id: 'import'})
MATCH (j:ImportJob {id: $id})
SET l.job = $id, l.holder = $holder,
    j.leaseUntil = datetime.realtime().epochMillis + $leaseMs, j.updatedAt = datetime(), j.status = $status
