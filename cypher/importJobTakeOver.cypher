// A run resuming (or rolling back) a job takes its lease with its own token, if the job is still in one
// of the states `from` and no run holds it (its lease lapsed, or it ended): checked here, under
// importLock, so two processes resuming at once cannot both win. The run it replaces, if only stalled,
// finds another holder at its next batch and stops. Returns the job's committed progress; no row when
// the job was not there to take.
MATCH (l:ImportLock {id: 'import'})
MATCH (j:ImportJob {id: $id})
WHERE j.status IN $from AND j.leaseUntil < datetime.realtime().epochMillis
SET l.job = $id, l.holder = $holder,
    j.leaseUntil = datetime.realtime().epochMillis + $leaseMs, j.updatedAt = datetime(), j.status = $status
RETURN j.done AS done
