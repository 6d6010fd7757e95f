// The most recent import jobs, newest first, with whether each one's lease has lapsed.
MATCH (j:ImportJob)
RETURN j {.*} AS job, j.leaseUntil < datetime.realtime().epochMillis AS lapsed
ORDER BY j.startedAt DESC
LIMIT $limit
