// The node side of a merge (server/services/merge.ts): the kept node takes the duplicate's names as
// aliases and its citations (search keys recomputed by the service); the duplicate ends, merged into the
// kept node, and stays (current reads hide it; "as known on" an earlier day still shows it).
MATCH (k:Entity {id: $keep})
MATCH (d:Entity {id: $duplicate})
// changedAt names the kept node's new version, so an edit based on the one before the merge is refused.
SET k.aliases = $aliases, k.sources = $sources, k.searchKeys = $searchKeys, k.changedAt = $at, k.changedBy = $username,
    d.supersededAt = $at, d.supersededBy = $username, d.mergedInto = $keep, d.endReason = $endReason
