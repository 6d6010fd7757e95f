// A new session (server/services/sessions.ts): only the SHA-256 of its token is stored, so reading
// the database does not hand out sessions. Workspace, not network; never linked.
CREATE (:Session {
  tokenHash: $tokenHash,
  username: $username,
  createdAt: $now,
  lastSeenAt: $now,
  expiresAt: $expiresAt
})
