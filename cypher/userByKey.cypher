// The account whose username is $usernameKey in any case (server/services/users.ts: `Admin` cannot be
// created beside `admin`); no row when none.
MATCH (u:User {usernameKey: $usernameKey})
RETURN u
