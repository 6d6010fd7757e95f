// Jobs still running (or rolling back) whose lease has lapsed: cut off by a crash or an outage.
MATCH (j:ImportJob)
WHERE j.status IN ['running', 'rollingBack'] AND j.leaseUntil < datetime.realtime().epochMillis
RETURN j {.*} AS job
ORDER BY j.startedAt
