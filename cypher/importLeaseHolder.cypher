// The batched import holding the import lease, if any, with the token of the run that holds it and when
// the lease lapses (see importJobStart). Run right after importLock, so it cannot change before this
// transaction ends. Times are the database's real-time clock (not the transaction clock, which stops at
// the transaction's start), so processes with skewed clocks agree on whether a lease has lapsed.
MATCH (l:ImportLock {id: 'import'})
OPTIONAL MATCH (j:ImportJob {id: l.job})
RETURN l.job AS job, l.holder AS holder, j.leaseUntil AS leaseUntil, datetime.realtime().epochMillis AS now
