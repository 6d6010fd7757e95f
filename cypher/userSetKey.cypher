// Gives an account its lower-case key (server/services/users.ts migrateUsernameKeys), unless it has one
// or another account holds that key already (then no row: the two differ only by case, and an admin
// must rename or delete one). The uniqueness constraint refuses a race with another process.
MATCH (u:User {username: $username})
WHERE u.usernameKey IS NULL
  AND NOT EXISTS { MATCH (:User {usernameKey: $usernameKey}) }
SET u.usernameKey = $usernameKey
RETURN u.username AS username
