// Ends every session of a user but the one whose hash is $keepTokenHash (null: all of them): on a
// password change, a disable or a delete (server/services/sessions.ts, users.ts).
MATCH (s:Session {username: $username})
WHERE $keepTokenHash IS NULL OR s.tokenHash <> $keepTokenHash
DELETE s
RETURN count(*) AS ended
