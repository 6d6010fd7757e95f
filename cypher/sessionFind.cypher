// A session by the SHA-256 of its token, with its user's current role and state (server/services/sessions.ts):
// a demoted or disabled user is so at their next request. No row when either is gone.
MATCH (s:Session {tokenHash: $tokenHash})
MATCH (u:User {username: s.username})
RETURN s, u
