// The first statement of every write to an investigation: writing `held` takes the node's write lock,
// which the database keeps until the transaction ends. A second save of the same investigation waits
// here, and only then reads the version (investigationById), so it sees the first one's commit and is
// refused as stale. investigationAddRevision removes `held` again.
MATCH (i:Investigation {id: $id})
SET i.held = true
RETURN i.id AS id
