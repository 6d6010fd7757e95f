// @title Who led a faction, and when
// @description Everyone the sources name as leading the faction, in what role, from when until when,
// and the sources that say so, earliest first.
// @param faction: id = "jaysh-al-nasr" -- The faction, by id.
MATCH link = (f:Faction {id: $faction})-[r:LED_BY]->(leader:Person)
WHERE r.supersededAt IS NULL
RETURN leader.name AS leader, leader.id AS id, r.role AS role, r.from AS from, r.to AS to,
       r.sources AS sources, link
ORDER BY coalesce(r.from, ''), leader.name
