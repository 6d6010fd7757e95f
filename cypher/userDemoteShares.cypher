// A user made a viewer (server/services/users.ts updateUser, in the same transaction) can only read:
// every edit share naming them becomes a read share, so no investigation tells them `edit` and its
// owner's next share change is not refused (VIEWER_CANNOT_EDIT) for a share the owner did not make.
// Answers the ids of the investigations changed, sorted.
MATCH (i:Investigation)
WHERE $username IN coalesce(i.editors, [])
SET i.editors = [x IN i.editors WHERE x <> $username],
    i.readers = CASE WHEN $username IN coalesce(i.readers, []) THEN i.readers
                     ELSE coalesce(i.readers, []) + $username END
WITH i ORDER BY i.id
RETURN collect(i.id) AS ids
