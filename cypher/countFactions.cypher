// Whether the database holds any data yet (the seed is loaded only into an empty database).
MATCH (f:Faction) RETURN count(f) AS factions
