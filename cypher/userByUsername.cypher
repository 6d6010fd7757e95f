// One account by username, with its password hash (server/services/users.ts); no row when none.
MATCH (u:User {username: $username})
RETURN u
