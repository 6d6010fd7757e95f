// One faction, for the lineage of a faction with no mergers or memberships at all.
MATCH (root:Faction {id: $id}) RETURN root
