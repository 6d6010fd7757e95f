// A new account (server/services/users.ts). Workspace, not network: no :Entity label, never linked.
// The uniqueness constraints (schema.cypher) refuse a second one with the same name, or with the same
// name in another case: `usernameKey` is the name in lower case.
CREATE (u:User {
  username: $username,
  usernameKey: $usernameKey,
  role: $role,
  passwordHash: $passwordHash,
  createdAt: $now,
  lastSignInAt: null,
  disabled: false
})
RETURN u
