// Drops one batch record once a rollback has undone it, in the same transaction as the undo.
MATCH (b:ImportBatch {job: $job, index: $index})
DELETE b
