// Held nodes linked by a current claim (supersededAt not set) to any of the held nodes $neighbours,
// with which of them each is linked to: shared neighbours raise a duplicate's score
// (server/services/matching.ts). Sources and merged-away nodes are never candidates.
UNWIND $neighbours AS neighbourId
MATCH (m:Entity {id: neighbourId})-[r]-(c:Entity)
WHERE r.supersededAt IS NULL AND c.supersededAt IS NULL AND NOT c:Source AND c.id <> neighbourId
  AND ($label IS NULL OR $label IN labels(c))
WITH c, collect(DISTINCT m.id) AS shared
ORDER BY size(shared) DESC, c.id
LIMIT $limit
RETURN c.id AS id, labels(c) AS labels, c.name AS name, coalesce(c.aliases, []) AS aliases, shared
