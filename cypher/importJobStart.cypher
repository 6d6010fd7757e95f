// Records a batched import and gives one run of it (`holder`, a random token) the import lease: while
// the lease is live (renewed by importJobRenew), no other import writes (they wait), and each batch of
// this run checks it is still the holder. Runs under importLock. leaseMs: how long the lease lasts.
MATCH (l:ImportLock {id: 'import'})
SET l.job = $id, l.holder = $holder
CREATE (j:ImportJob {
  id: $id, status: 'running', done: 0, total: $total, by: $by, fileName: $fileName, sha256: $sha256,
  path: $path, spooled: $spooled, batchSize: $batchSize, startedAt: datetime(), updatedAt: datetime(),
  leaseUntil: datetime.realtime().epochMillis + $leaseMs
})
