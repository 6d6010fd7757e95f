// The stated reliability of each named source (server/services/sourceCuration.ts), as held now or, with
// $knownUntil (contract/knownTime.ts), as known just before it: a source recorded since (by curation or
// an import's stamp) is left out, as is an unknown id; sources are edited in place, so the first change
// recorded at or after $knownUntil keeps in `before` the values known then. A source that states none is
// graded F by the service (contract/grades.ts).
UNWIND $ids AS wanted
MATCH (s:Source {id: wanted})
WHERE {{knownOn s}}
OPTIONAL MATCH (c:FactChange)
  WHERE $knownUntil IS NOT NULL AND c.subject = wanted AND c.subjectKind = 'source' AND c.at >= $knownUntil
WITH s, c
ORDER BY c.at, c.id
WITH s, head(collect(c)) AS next
RETURN s.id AS id, s.reliability AS reliability, next IS NOT NULL AS changedSince, next.before AS before
