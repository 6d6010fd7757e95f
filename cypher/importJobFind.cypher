// One import job as recorded, with whether its lease has lapsed (by the database's real-time clock).
MATCH (j:ImportJob {id: $id})
RETURN j {.*} AS job, j.leaseUntil < datetime.realtime().epochMillis AS lapsed
