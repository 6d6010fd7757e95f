// What an import dry run (server/services/importDryRun.ts) compares a file's nodes and sources with:
// the stored properties and labels of each id the file writes, as importNodes/importSources compare.
UNWIND $ids AS wanted
MATCH (n:Entity {id: wanted})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
