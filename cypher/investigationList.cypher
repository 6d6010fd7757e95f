// The investigations in use ($deleted false) or in the bin ($deleted true), most recently saved (or, in
// the bin, deleted) first; $q, lower case or null, searches titles and descriptions.
MATCH (i:Investigation)
WHERE (i.deletedAt IS NOT NULL) = $deleted
  AND ($q IS NULL OR toLower(i.title) CONTAINS $q OR toLower(i.description) CONTAINS $q)
RETURN i
ORDER BY coalesce(i.deletedAt, i.updatedAt) DESC, i.id
