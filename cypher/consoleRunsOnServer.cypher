// The console runs still on the server among those given, by the tag in their transactions' metadata,
// with their status ("Running", or "Terminated with reason: …" while a terminated query has not noticed
// yet): how the console watches a query it stopped until the database has really ended it
// (server/db/lingering.ts).
SHOW TRANSACTIONS YIELD transactionId, status, metaData
WHERE metaData.consoleRun IN $tags
RETURN metaData.consoleRun AS tag, transactionId, status
