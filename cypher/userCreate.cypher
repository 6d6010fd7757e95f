// A new account (server/services/users.ts). Workspace, not network: no :Entity label, never linked.
// The username's uniqueness constraint (schema.cypher) refuses a second one with the same name.
CREATE (u:User {
  username: $username,
  role: $role,
  passwordHash: $passwordHash,
  createdAt: $now,
  lastSignInAt: null,
  disabled: false
})
RETURN u
