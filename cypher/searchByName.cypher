// Full-text search over names, aliases and their folded forms, and over sources' titles, authors and
// publishers, in two indexes queried together (cypher/schema.cypher): $query, built by
// server/services/search.ts from the analyst's folded and escaped words, searches the folded forms;
// $arabicQuery, set only when the analyst wrote in Arabic script, searches the names as the `arabic`
// analyzer stems them. A node found by both keeps its better score; sources count $sourceWeight of theirs.
// `types` are the node's relationship types, so the client can tell when its filters hide all its links.
CALL () {
  CALL db.index.fulltext.queryNodes('search_folded_v2', $query, { limit: $limit })
  YIELD node, score
  RETURN node, score
  UNION ALL
  WITH $arabicQuery AS arabicQuery
  WHERE arabicQuery IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_arabic_v2', arabicQuery, { limit: $limit })
  YIELD node, score
  RETURN node, score
}
WITH node, score
// Current nodes only (a merged-away node is no longer found): server/db/cypher.ts `{{knownOn x}}`.
WHERE {{knownOn node}}
WITH node, max(score) * CASE WHEN node:Source THEN $sourceWeight ELSE 1.0 END AS score
ORDER BY score DESC, node.name
LIMIT $limit
RETURN node.id AS id, labels(node) AS labels, node.name AS name, coalesce(node.aliases, []) AS aliases,
       CASE WHEN node:Source THEN node.title END AS title,
       COLLECT { MATCH (node)-[r]-() WHERE {{knownOn r}} RETURN DISTINCT type(r) } AS types, score
ORDER BY score DESC, name
