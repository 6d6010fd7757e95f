// Before an account is deleted (server/services/users.ts deleteUser, in the same transaction): its
// investigations, the bin's included, go to $heir (the admin who deletes it), and every share naming
// it (the `readers` and `editors` lists of :Investigation, services/investigationSharing.ts) is
// removed, so an account created later with the same name inherits nothing. On the investigations
// handed over, $heir's own shares go too: the owner needs none. Answers the ids of the investigations
// handed over and of the others whose shares changed (for the audit entry's ids), sorted.
OPTIONAL MATCH (own:Investigation {owner: $username})
SET own.owner = $heir,
    own.readers = [x IN coalesce(own.readers, []) WHERE x <> $heir AND x <> $username],
    own.editors = [x IN coalesce(own.editors, []) WHERE x <> $heir AND x <> $username]
WITH own ORDER BY own.id
WITH collect(own.id) AS handedOver
OPTIONAL MATCH (shared:Investigation)
WHERE $username IN coalesce(shared.readers, []) OR $username IN coalesce(shared.editors, [])
SET shared.readers = [x IN coalesce(shared.readers, []) WHERE x <> $username],
    shared.editors = [x IN coalesce(shared.editors, []) WHERE x <> $username]
WITH handedOver, shared ORDER BY shared.id
RETURN handedOver, collect(shared.id) AS unshared
