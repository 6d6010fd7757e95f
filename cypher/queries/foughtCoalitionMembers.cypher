// @title Factions that fought members of a coalition
// @description Every faction recorded as fighting a member of the coalition (a direct member or a
// member of a member), with the dates of the fighting and the sources that say so.
// @param coalition: id = "national-front-for-liberation" -- The coalition, by id.
MATCH via = (coalition:Faction {id: $coalition})<-[:MEMBER_OF*1..2]-(member:Faction)
WHERE all(m IN relationships(via) WHERE m.supersededAt IS NULL)
WITH DISTINCT coalition, member
MATCH fight = (member)-[f:FOUGHT]-(enemy:Faction)
WHERE enemy <> coalition AND f.supersededAt IS NULL
RETURN enemy.name AS enemy, enemy.id AS id, member.name AS fought, member.id AS memberId,
       f.from AS from, f.to AS to, f.sources AS sources, fight
ORDER BY enemy, fought, coalesce(from, '')
