// The usernames of a share that cannot be shared with (services/investigationSharing.ts): ones that
// name no user, the owner $owner themself (who needs no share), and disabled users; each with why.
// '*' (everyone) is not asked about. A share naming any of them is refused whole.
UNWIND $usernames AS name
OPTIONAL MATCH (u:User {username: name})
WITH name, u
WHERE u IS NULL OR name = $owner OR coalesce(u.disabled, false)
RETURN name,
       CASE WHEN u IS NULL THEN 'unknown' WHEN name = $owner THEN 'owner' ELSE 'disabled' END AS why
