// The usernames an edit share names whose users are viewers: their role never writes investigations,
// so such a share is refused whole (services/investigationSharing.ts) rather than shown as `edit`.
UNWIND $editors AS name
MATCH (u:User {username: name})
WHERE u.role = 'viewer'
RETURN name
