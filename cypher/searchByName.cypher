// Full-text search over names, aliases and their folded forms. $query is a Lucene query built by
// server/services/search.ts from the analyst's words, which are escaped there.
CALL db.index.fulltext.queryNodes('entity_names', $query, { limit: $limit })
YIELD node, score
RETURN node.id AS id, labels(node) AS labels, node.name AS name, coalesce(node.aliases, []) AS aliases, score
ORDER BY score DESC, name
