// Ends one session (sign-out, or found expired; server/services/sessions.ts).
MATCH (s:Session {tokenHash: $tokenHash})
DELETE s
RETURN count(*) AS ended
