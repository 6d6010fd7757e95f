// One faction, for the lineage of a faction with no mergers or memberships at all.
// Only facts known at $knownUntil (null: current ones), server/db/cypher.ts `{{knownOn x}}`.
MATCH (root:Faction {id: $id}) WHERE {{knownOn root}} RETURN root
