// Terminates the given transactions (ids as SHOW TRANSACTIONS lists them): the console's second word to
// a stopped run the first TERMINATE did not reach (server/db/lingering.ts).
TERMINATE TRANSACTIONS $ids
YIELD transactionId AS terminated, message
RETURN terminated, message
