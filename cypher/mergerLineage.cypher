// A faction's genealogy: who merged into it or joined it (upstream), and what it merged into or joined
// (downstream), each followed up to $depth steps (5 is the literal ceiling Cypher needs). With $asOf,
// only links that hold on that date.
MATCH (root:Faction {id: $id})
CALL (root) {
  MATCH p = (root)<-[:MERGED_INTO|MEMBER_OF*1..5]-(:Faction)
  WHERE length(p) <= $depth
  RETURN p
  UNION
  MATCH p = (root)-[:MERGED_INTO|MEMBER_OF*1..5]->(:Faction)
  WHERE length(p) <= $depth
  RETURN p
}
WITH root, p
WHERE $asOf IS NULL OR all(r IN relationships(p) WHERE
        (r.from IS NULL OR r.from <= $asOf)
    AND (r.to IS NULL OR $asOf <= r.to OR $asOf STARTS WITH r.to))
UNWIND relationships(p) AS r
WITH root, collect(DISTINCT r) AS rels
RETURN root,
       [r IN rels | {relationship: r, source: startNode(r).id, target: endNode(r).id}] AS relationships,
       reduce(acc = [], r IN rels | acc + [startNode(r), endNode(r)]) AS nodes
