// @title Coalitions two factions shared
// @description The coalitions, operations rooms and umbrellas that both factions were members of, with
// each one's membership dates, whether those intervals overlap (so they were in it together), and the
// sources for both memberships.
// @param first: id = "jaysh-al-nasr" -- One faction, by id.
// @param second: id = "sham-legion" -- The other faction, by id.
MATCH a = (first:Faction {id: $first})-[ra:MEMBER_OF]->(coalition:Faction)
MATCH b = (second:Faction {id: $second})-[rb:MEMBER_OF]->(coalition)
WITH coalition, ra, rb, a, b,
     // Intervals overlap unless one ends before the other starts (a partial `to` counts to its last day).
     (ra.to IS NULL OR rb.from IS NULL OR rb.from <= ra.to OR rb.from STARTS WITH ra.to)
     AND (rb.to IS NULL OR ra.from IS NULL OR ra.from <= rb.to OR ra.from STARTS WITH rb.to) AS together
RETURN coalition.name AS coalition, coalition.id AS id, coalition.kind AS kind,
       ra.from AS firstFrom, ra.to AS firstTo, rb.from AS secondFrom, rb.to AS secondTo, together,
       ra.sources AS firstSources, rb.sources AS secondSources, a, b
ORDER BY coalition
