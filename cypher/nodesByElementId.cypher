// The end nodes of relationships in a console result that the result itself does not hold, so the
// console can draw every edge (server/db/consoleResult.ts).
MATCH (n)
WHERE elementId(n) IN $elementIds
RETURN n AS node
