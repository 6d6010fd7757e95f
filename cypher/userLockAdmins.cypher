// Takes the write lock of every admin account, in username order (so two of these never deadlock),
// and answers how many are enabled. A change that could leave no admin (delete, demote, disable) runs
// this first: two such changes then run one after the other, and the second sees the first's result.
// Setting and removing a property is Neo4j's way to take a node's write lock without changing it.
MATCH (u:User {role: 'admin'})
WITH u ORDER BY u.username
SET u._lock = true
REMOVE u._lock
RETURN count(CASE WHEN u.disabled THEN null ELSE 1 END) AS enabledAdmins
