// Deletes sessions past their absolute expiry or idle since before $idleSince (server/services/sessions.ts,
// at start). Instants are ISO 8601 strings in UTC with milliseconds, so they compare as text.
MATCH (s:Session)
WHERE s.expiresAt <= $now OR s.lastSeenAt < $idleSince
DELETE s
RETURN count(*) AS purged
