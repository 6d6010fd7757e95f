// @title Facts citing a given source
// @description Every node and relationship that cites the source: what each one states, with its dates,
// so an analyst can see all that rests on one reference.
// @param source: id = "ref-11" -- The source, by id (ref-1 … ref-24 in the seed).
MATCH (source:Source {id: $source})
CALL (source) {
  MATCH (n:Entity) WHERE NOT n:Source AND source.id IN n.sources AND n.supersededAt IS NULL
  RETURN 'node' AS kind, [l IN labels(n) WHERE l <> 'Entity'][0] + ' ' + n.name AS statement,
         null AS from, null AS to, n AS fact
  UNION ALL
  MATCH fact = (a:Entity)-[r]->(b:Entity) WHERE source.id IN r.sources AND r.supersededAt IS NULL
  RETURN 'relationship' AS kind, a.name + ' ' + type(r) + ' ' + b.name AS statement,
         r.from AS from, r.to AS to, fact
}
RETURN kind, statement, from, to, fact
ORDER BY kind, statement
