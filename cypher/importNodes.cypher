// Upsert nodes by id. The label comes from the model's list (validated before this runs). SET runs
// only when something differs, types included (`7 = 7.0` in Cypher; see importSources).
// Transaction time (contract/knownTime.ts): a node created here is stamped recordedAt/recordedBy; the
// stamps of a held node (and curation's: changedAt, a merge's supersededAt, mergedInto…) are not the
// file's to compare or replace, so they are left out of the comparison and kept through the SET.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.recordedAt = $recordedAt, n.recordedBy = $recordedBy
WITH n, row, n {.recordedAt, .recordedBy, .changedAt, .changedBy, .supersededAt, .supersededBy, .endReason, .mergedInto} AS stamps
WHERE NOT row.label IN labels(n)
   OR any(k IN keys(row.props) WHERE n[k] IS NULL OR n[k] <> row.props[k] OR valueType(n[k]) <> valueType(row.props[k]))
   OR any(k IN keys(n) WHERE NOT k IN keys(row.props) AND NOT k IN ['recordedAt', 'recordedBy', 'changedAt', 'changedBy', 'supersededAt', 'supersededBy', 'endReason', 'mergedInto'])
SET n = row.props, n:$(row.label)
SET n += stamps
