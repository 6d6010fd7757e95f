// The schema, applied at every start; every statement is idempotent (IF NOT EXISTS, IF EXISTS).
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
CREATE CONSTRAINT same_as_id IF NOT EXISTS FOR ()-[r:SAME_AS]-() REQUIRE r.id IS UNIQUE;

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

// Imports take the write lock of one :ImportLock node (cypher/importLock.cypher); the constraint makes
// its MERGE race-free.
CREATE CONSTRAINT import_lock_id IF NOT EXISTS FOR (n:ImportLock) REQUIRE n.id IS UNIQUE;
// Batched imports (server/services/importJobs.ts): a job is found by id, its batch records by job and index.
CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (n:ImportJob) REQUIRE n.id IS UNIQUE;
CREATE INDEX import_batch_job IF NOT EXISTS FOR (n:ImportBatch) ON (n.job, n.index);

// Time: every node and relationship stores its valid time (validFrom, validTo: full ISO dates, derived
// at import by contract/validTime.ts), so "as of a day" is a range predicate these indexes serve.
// They replace the indexes on the stated (from, to), which no query filters on any more.
DROP INDEX member_of_interval IF EXISTS;
DROP INDEX merged_into_interval IF EXISTS;
DROP INDEX led_by_interval IF EXISTS;
DROP INDEX fought_interval IF EXISTS;
DROP INDEX participated_in_interval IF EXISTS;
DROP INDEX supported_by_interval IF EXISTS;
DROP INDEX based_in_interval IF EXISTS;
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX entity_valid_time IF NOT EXISTS FOR (n:Entity) ON (n.validFrom, n.validTo);
CREATE INDEX member_of_valid_time IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.validFrom, r.validTo);
CREATE INDEX merged_into_valid_time IF NOT EXISTS FOR ()-[r:MERGED_INTO]-() ON (r.validFrom, r.validTo);
CREATE INDEX led_by_valid_time IF NOT EXISTS FOR ()-[r:LED_BY]-() ON (r.validFrom, r.validTo);
CREATE INDEX fought_valid_time IF NOT EXISTS FOR ()-[r:FOUGHT]-() ON (r.validFrom, r.validTo);
CREATE INDEX participated_in_valid_time IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.validFrom, r.validTo);
CREATE INDEX supported_by_valid_time IF NOT EXISTS FOR ()-[r:SUPPORTED_BY]-() ON (r.validFrom, r.validTo);
CREATE INDEX based_in_valid_time IF NOT EXISTS FOR ()-[r:BASED_IN]-() ON (r.validFrom, r.validTo);
CREATE INDEX same_as_valid_time IF NOT EXISTS FOR ()-[r:SAME_AS]-() ON (r.validFrom, r.validTo);

// Investigations (server/services/investigations.ts): the analysts' workspace, never :Entity. One node
// per investigation, found by id; one revision per save, found by (investigationId, n), which the
// uniqueness makes safe against two saves both writing revision n.
CREATE CONSTRAINT investigation_id IF NOT EXISTS FOR (n:Investigation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT investigation_revision_n IF NOT EXISTS
FOR (n:InvestigationRevision) REQUIRE (n.investigationId, n.n) IS UNIQUE;

// Accounts (server/services/users.ts, sessions.ts, audit.ts): workspace too, never :Entity and never
// linked. Users by username, sessions by the SHA-256 of their token, the audit trail by its ids, which
// sort in the order entries were written.
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (n:User) REQUIRE n.username IS UNIQUE;
// One name whatever its case: `usernameKey` is the username in lower case (users made before it get it
// at start, server/services/users.ts migrateUsernameKeys), so `Admin` cannot be created beside `admin`,
// not even by two requests at once.
CREATE CONSTRAINT user_username_key IF NOT EXISTS FOR (n:User) REQUIRE n.usernameKey IS UNIQUE;
CREATE CONSTRAINT session_token_hash IF NOT EXISTS FOR (n:Session) REQUIRE n.tokenHash IS UNIQUE;
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at);

// Curation history (server/services/history.ts): one :FactChange per change, workspace like the audit
// trail; a fact's history is read by its subject id.
CREATE CONSTRAINT fact_change_id IF NOT EXISTS FOR (n:FactChange) REQUIRE n.id IS UNIQUE;
CREATE INDEX fact_change_subject IF NOT EXISTS FOR (n:FactChange) ON (n.subject);
// Every version of a claim keeps its claimId (an ended one has no id): a new claim's id is checked
// against them (cypher/claimIdTaken.cypher).
CREATE INDEX member_of_claim_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.claimId);
CREATE INDEX merged_into_claim_id IF NOT EXISTS FOR ()-[r:MERGED_INTO]-() ON (r.claimId);
CREATE INDEX led_by_claim_id IF NOT EXISTS FOR ()-[r:LED_BY]-() ON (r.claimId);
CREATE INDEX fought_claim_id IF NOT EXISTS FOR ()-[r:FOUGHT]-() ON (r.claimId);
CREATE INDEX participated_in_claim_id IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.claimId);
CREATE INDEX supported_by_claim_id IF NOT EXISTS FOR ()-[r:SUPPORTED_BY]-() ON (r.claimId);
CREATE INDEX based_in_claim_id IF NOT EXISTS FOR ()-[r:BASED_IN]-() ON (r.claimId);
CREATE INDEX same_as_claim_id IF NOT EXISTS FOR ()-[r:SAME_AS]-() ON (r.claimId);
