// Everything the database holds, as two counts from the count store (no scan): the bulk import loads
// only an empty database, and checks afterwards that it holds exactly what the file held.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
