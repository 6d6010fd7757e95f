// Held nodes whose names or aliases meet any of $queries (Lucene queries over the folded forms, built
// by server/services/matching.ts with the same folding as search), for the duplicate check before a
// node is added or imported. Sources are citations, never duplicates of a node; merged-away nodes
// (supersededAt set) are hidden; $label, when set, keeps one label.
UNWIND $queries AS query
CALL db.index.fulltext.queryNodes('search_folded_v2', query, { limit: $perQuery })
YIELD node, score
WITH node
WHERE NOT node:Source AND node.supersededAt IS NULL AND ($label IS NULL OR $label IN labels(node))
WITH DISTINCT node
RETURN node.id AS id, labels(node) AS labels, node.name AS name, coalesce(node.aliases, []) AS aliases
