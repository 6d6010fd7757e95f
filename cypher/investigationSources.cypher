// The Source nodes of the given ids, as they read now: what a snapshot's elements cite.
// The article's references in their number order, then unnumbered sources by id.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s AS source
ORDER BY s.number, s.id
