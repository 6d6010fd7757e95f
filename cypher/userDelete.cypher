// Deletes an account (server/services/users.ts); its sessions are ended in the same transaction
// (sessionEndAllOfUser). The audit trail keeps its username: entries are never changed.
MATCH (u:User {username: $username})
DELETE u
RETURN count(*) AS deleted
