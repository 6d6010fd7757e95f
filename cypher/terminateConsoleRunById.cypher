// Ends a console run started through another API process, found by its run id (and, signed in, its
// user) in its transaction's metadata: the database is what every process shares, so cancellation
// needs nothing from the process that started the query (server/db/consoleElsewhere.ts). That process
// then hears Neo.ClientError.Transaction.Terminated and answers 409 QUERY_CANCELLED.
SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData.app = 'faction-atlas' AND metaData.type = 'console' AND metaData.runId = $runId
  AND ($user IS NULL OR metaData.user = $user)
TERMINATE TRANSACTIONS transactionId
YIELD transactionId AS terminated
RETURN terminated
