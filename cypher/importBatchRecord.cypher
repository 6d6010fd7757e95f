// What one committed batch of a job changed, so the job can be rolled back: the ids it created and the
// items it overwrote as they were (JSON, server/services/importUndo.ts). Index -1 holds the stored
// relationships the import re-timed before its first batch. Kept apart from the graph (not :Entity).
MERGE (b:ImportBatch {job: $job, index: $index})
SET b.undo = $undo
