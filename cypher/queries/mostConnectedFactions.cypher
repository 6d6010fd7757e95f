// @title Most connected factions
// @description Factions ranked by how many different factions, people, events and places they are
// linked to (any relationship, either direction); optionally counting only links that held on a day
// (stored valid time, contract/validTime.ts).
// @param limit: integer(1..100) = 10 -- How many factions to list.
// @param asOf: date? -- Count only links that held on this day (YYYY-MM-DD); empty for all time.
MATCH (f:Faction)
WHERE f.supersededAt IS NULL
OPTIONAL MATCH (f)-[r]-(other:Entity)
WHERE ($asOf IS NULL OR r.validFrom <= $asOf <= r.validTo) AND r.supersededAt IS NULL
WITH f, count(DISTINCT other) AS neighbours, count(r) AS links
RETURN f.name AS faction, f.id AS id, f.kind AS kind, neighbours, links, f
ORDER BY neighbours DESC, links DESC, faction
LIMIT $limit
