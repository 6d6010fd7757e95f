// Waits until every index is online (built over the imported data), at most $seconds.
CALL db.awaitIndexes($seconds)
