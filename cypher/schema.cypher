// The schema, applied at every start; every statement is idempotent (IF NOT EXISTS).
// Every node is also :Entity, so an id is unique across labels and /api/nodes/:id needs no label.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT faction_id IF NOT EXISTS FOR (n:Faction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT merged_into_id IF NOT EXISTS FOR ()-[r:MERGED_INTO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT led_by_id IF NOT EXISTS FOR ()-[r:LED_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT fought_id IF NOT EXISTS FOR ()-[r:FOUGHT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT participated_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT supported_by_id IF NOT EXISTS FOR ()-[r:SUPPORTED_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT based_in_id IF NOT EXISTS FOR ()-[r:BASED_IN]-() REQUIRE r.id IS UNIQUE;

// Search (server/services/search.ts), in two full-text indexes queried together. A changed index gets
// a new name (the suffix) and the old one is dropped, because CREATE … IF NOT EXISTS keeps an index of
// the same name whatever its definition; server/services/searchKeys.ts refreshes the stored keys.
DROP INDEX entity_names IF EXISTS;
// Names in every script and sources' titles, authors and publishers; searchKeys holds the folded forms
// (server/services/nameFolding.ts), against which the folded query is matched.
CREATE FULLTEXT INDEX search_folded_v2 IF NOT EXISTS
FOR (n:Faction|Person|Event|Place|Source) ON EACH [n.name, n.aliases, n.searchKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
// The same texts as written, through Lucene's ArabicAnalyzer (normalization, light stemming of و, ال, بال,
// كال, فال, لل and suffixes): Neo4j's `arabic` analyzer (CALL db.index.fulltext.listAvailableAnalyzers()).
CREATE FULLTEXT INDEX search_arabic_v2 IF NOT EXISTS
FOR (n:Faction|Person|Event|Place|Source) ON EACH [n.name, n.aliases, n.title, n.author, n.publisher]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic' } };

// Time: partial ISO dates are strings that sort correctly, so range indexes serve asOf filters.
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX member_of_interval IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.from, r.to);
CREATE INDEX merged_into_interval IF NOT EXISTS FOR ()-[r:MERGED_INTO]-() ON (r.from, r.to);
CREATE INDEX led_by_interval IF NOT EXISTS FOR ()-[r:LED_BY]-() ON (r.from, r.to);
CREATE INDEX fought_interval IF NOT EXISTS FOR ()-[r:FOUGHT]-() ON (r.from, r.to);
CREATE INDEX participated_in_interval IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.from, r.to);
CREATE INDEX supported_by_interval IF NOT EXISTS FOR ()-[r:SUPPORTED_BY]-() ON (r.from, r.to);
CREATE INDEX based_in_interval IF NOT EXISTS FOR ()-[r:BASED_IN]-() ON (r.from, r.to);
