// @title Members of a coalition as of a date
// @description The factions (and people) that were members of a coalition on a given day, directly or
// as factions inside one of its members (`via`): by each link's stored valid time (contract/validTime.ts:
// its stated dates, within the lifetimes of both its ends).
// @param coalition: id = "national-front-for-liberation" -- The coalition, by id.
// @param asOf: date = "2018-06-01" -- The day, YYYY-MM-DD.
MATCH (coalition:Faction {id: $coalition})
MATCH membership = (member)-[:MEMBER_OF*1..2]->(coalition)
WHERE (length(membership) = 1 OR member:Faction)
  AND all(r IN relationships(membership) WHERE ($asOf IS NULL OR r.validFrom <= $asOf <= r.validTo) AND r.supersededAt IS NULL)
WITH member, membership, relationships(membership)[0] AS joined
RETURN member.name AS member, member.id AS id,
       [l IN labels(member) WHERE l <> 'Entity'][0] AS label,
       CASE length(membership) WHEN 1 THEN null ELSE nodes(membership)[1].name END AS via,
       joined.from AS from, joined.to AS to, joined.sources AS sources, membership
ORDER BY length(membership), member
