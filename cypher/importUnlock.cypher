// The end of an import transaction (see importLock): leaves the lock node exactly as it was, so that
// an import that changes nothing changes nothing at all. The lock is released when the transaction ends.
MATCH (l:ImportLock {id: 'import'})
REMOVE l.held
