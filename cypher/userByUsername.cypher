// One account by username, with its password hash (server/services/users.ts findUser); no row when
// none. Names are looked up the way uniqueness is decided: by the lower-case `usernameKey`, so `A2`
// finds `a2`. An older account still without a key (it differs from another only by case,
// migrateUsernameKeys) is found by its exact name, and an exact name wins over a match by key.
CALL {
  MATCH (u:User {username: $username})
  RETURN u, 0 AS rank
  UNION
  MATCH (u:User {usernameKey: $usernameKey})
  RETURN u, 1 AS rank
}
RETURN u
ORDER BY rank
LIMIT 1
