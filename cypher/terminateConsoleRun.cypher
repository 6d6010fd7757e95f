// Ends a console run's transaction on the server, found by the tag in its metadata: the last word
// on cancellation and time-outs, whatever became of the connection that started it
// (server/db/console.ts).
SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData.consoleRun = $tag
TERMINATE TRANSACTIONS transactionId
YIELD transactionId AS terminated, message
RETURN terminated, message
