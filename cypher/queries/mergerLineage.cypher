// @title Merger lineage of a faction
// @description The factions that merged into this one, and what it merged into, followed through
// MERGED_INTO up to `depth` steps each way, with the date of each merger, the date a merged group
// left again (`left`) and the sources that say so.
// @param faction: id = "jaysh-al-nasr" -- The faction whose lineage to trace, by id.
// @param depth: integer(1..5) = 3 -- How many merger steps to follow each way.
MATCH (root:Faction {id: $faction})
CALL (root) {
  MATCH path = (other:Faction)-[:MERGED_INTO*1..5]->(root)
  WHERE length(path) <= $depth AND all(m IN relationships(path) WHERE m.supersededAt IS NULL)
  RETURN 'merged into it' AS relation, other, path, relationships(path)[0] AS merger
  UNION
  MATCH path = (root)-[:MERGED_INTO*1..5]->(other:Faction)
  WHERE length(path) <= $depth AND all(m IN relationships(path) WHERE m.supersededAt IS NULL)
  RETURN 'it merged into' AS relation, other, path, last(relationships(path)) AS merger
}
RETURN relation, other.name AS faction, other.id AS id, merger.from AS merged, merger.to AS left,
       length(path) AS steps, merger.sources AS sources, path
ORDER BY relation DESC, steps, coalesce(merged, ''), faction
