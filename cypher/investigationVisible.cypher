// The one access rule of investigations, written once: the investigations $user may see, each with
// what they may do with it. `owner` (their own), `edit` or `read` (a user named in `editors`/`readers`,
// or '*' there: everyone signed in); an edit share wins over a read one, except for a viewer
// ($readOnly: their role never writes investigations), whom it gives read. $user null is the one local
// user of a server without sign-in (AUTH=off), who owns everything. An investigation in the bin is its
// owner's alone: shares are for the ones in use. Not visible: no row, which the services answer as
// 404, exactly as if there were none.
// Filters, each null for all: $id (one investigation), $deleted (in use, or in the bin), $q (lower
// case, in title or description). Investigations are a team's workspace (thousands at most), so one
// label scan serves both the list and one by id.
MATCH (i:Investigation)
WHERE ($id IS NULL OR i.id = $id)
  AND ($deleted IS NULL OR (i.deletedAt IS NOT NULL) = $deleted)
  AND ($q IS NULL OR toLower(i.title) CONTAINS $q OR toLower(i.description) CONTAINS $q)
WITH i,
     CASE
       WHEN $user IS NULL OR i.owner = $user THEN 'owner'
       WHEN $user IN coalesce(i.editors, []) OR '*' IN coalesce(i.editors, []) THEN
         CASE WHEN $readOnly THEN 'read' ELSE 'edit' END
       WHEN $user IN coalesce(i.readers, []) OR '*' IN coalesce(i.readers, []) THEN 'read'
     END AS access
WHERE access IS NOT NULL AND (i.deletedAt IS NULL OR access = 'owner')
RETURN i, access
ORDER BY coalesce(i.deletedAt, i.updatedAt) DESC, i.id
