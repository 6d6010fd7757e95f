// A job's batch records, last first (a rollback undoes them in that order).
MATCH (b:ImportBatch {job: $job})
RETURN b.index AS index, b.undo AS undo
ORDER BY b.index DESC
