// Marks a session as used now (server/services/sessions.ts), at most once a minute, for idle expiry.
MATCH (s:Session {tokenHash: $tokenHash})
SET s.lastSeenAt = $now
