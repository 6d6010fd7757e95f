// Records a successful sign-in on the account (server/services/sessions.ts).
MATCH (u:User {username: $username})
SET u.lastSignInAt = $now
