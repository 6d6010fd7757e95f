// A faction's genealogy: who merged into it or joined it (upstream), and what it merged into or joined
// (downstream), each followed up to $depth steps (5 is the literal ceiling Cypher needs). With $asOf,
// only links that hold on that date (stored valid time, contract/validTime.ts).
// `memberMergers`: when each member whose membership ended merged into some faction (drawn or not), so
// that the end of a membership by absorption reads as such, not as a departure.
// Only facts known at $knownUntil (null: current ones), server/db/cypher.ts `{{knownOn x}}`.
MATCH (root:Faction {id: $id})
WHERE {{knownOn root}}
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
WHERE all(r IN relationships(p) WHERE ($asOf IS NULL OR r.validFrom <= $asOf <= r.validTo) AND {{knownOn r}})
UNWIND relationships(p) AS r
WITH root, collect(DISTINCT r) AS rels
RETURN root,
       [r IN rels | {relationship: r, source: startNode(r).id, target: endNode(r).id}] AS relationships,
       reduce(acc = [], r IN rels | acc + [startNode(r), endNode(r)]) AS nodes,
       COLLECT {
         UNWIND rels AS r
         WITH r, startNode(r) AS member
         WHERE type(r) = 'MEMBER_OF' AND r.to IS NOT NULL
         MATCH (member)-[merger:MERGED_INTO]->(:Faction)
         WHERE merger.from IS NOT NULL AND {{knownOn merger}}
         RETURN DISTINCT {node: member.id, from: merger.from}
       } AS memberMergers
