// Accounts made before usernames were one whatever their case, which have no `usernameKey` yet
// (server/services/users.ts migrateUsernameKeys), oldest first: of two that differ only by case, the
// older keeps the key.
MATCH (u:User)
WHERE u.usernameKey IS NULL
RETURN u.username AS username
ORDER BY u.createdAt, u.username
