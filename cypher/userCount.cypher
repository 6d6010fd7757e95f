// How many accounts there are (server/services/users.ts bootstrapAdmin: the first admin is created
// only when there is none).
MATCH (u:User)
RETURN count(u) AS users
