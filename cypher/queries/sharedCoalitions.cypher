// @title Coalitions two factions shared
// @description The coalitions, operations rooms and umbrellas that both factions were members of, with
// each one's membership dates, whether those intervals overlap (so they were in it together), and the
// sources for both memberships.
// @param first: id = "jaysh-al-nasr" -- One faction, by id.
// @param second: id = "sham-legion" -- The other faction, by id.
MATCH a = (first:Faction {id: $first})-[ra:MEMBER_OF]->(coalition:Faction)
WHERE ra.supersededAt IS NULL
MATCH b = (second:Faction {id: $second})-[rb:MEMBER_OF]->(coalition)
WHERE rb.supersededAt IS NULL
WITH coalition, ra, rb, a, b,
     // Stored valid times (contract/validTime.ts) overlap: some day lies in both.
     ra.validFrom <= rb.validTo AND rb.validFrom <= ra.validTo AS together
RETURN coalition.name AS coalition, coalition.id AS id, coalition.kind AS kind,
       ra.from AS firstFrom, ra.to AS firstTo, rb.from AS secondFrom, rb.to AS secondTo, together,
       ra.sources AS firstSources, rb.sources AS secondSources, a, b
ORDER BY coalition
