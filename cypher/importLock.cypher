// Serialises imports in the database itself, so it holds across API processes: the first statement of
// every import transaction takes the write lock of one lock node, which the database keeps until that
// transaction ends; a second import waits here, then sees everything the first one committed. The node
// is created race-free (the import_lock_id constraint makes MERGE take the index entry's lock). Writing
// `held` is what takes the lock; importUnlock removes it again, so the committed node is unchanged.
// Not :Entity, so exploration, search and lookups never see it.
MERGE (l:ImportLock {id: 'import'})
SET l.held = true
