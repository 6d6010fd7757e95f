// Every account, by username (server/services/users.ts); a team has tens, not thousands.
MATCH (u:User)
RETURN u
ORDER BY u.username
