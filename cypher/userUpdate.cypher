// Changes an account (server/services/users.ts): each of role, passwordHash and disabled only when
// given (null keeps it). No row when the user does not exist.
MATCH (u:User {username: $username})
SET u.role = coalesce($role, u.role),
    u.passwordHash = coalesce($passwordHash, u.passwordHash),
    u.disabled = coalesce($disabled, u.disabled)
RETURN u
