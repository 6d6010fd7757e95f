// What the search keys of every node and source are folded from, and the keys stored now
// (server/services/searchKeys.ts compares them with what the current folding makes).
MATCH (n:Entity)
RETURN n.id AS id, n:Source AS isSource, n.name AS name, coalesce(n.aliases, []) AS aliases,
       n.title AS title, n.author AS author, n.publisher AS publisher, n.searchKeys AS searchKeys
