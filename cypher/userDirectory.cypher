// Whom one can share with (GET /api/usernames, server/services/users.ts): enabled accounts' usernames
// and roles, by username, and nothing else about them.
MATCH (u:User)
WHERE NOT coalesce(u.disabled, false)
RETURN u.username AS username, u.role AS role
ORDER BY u.username
