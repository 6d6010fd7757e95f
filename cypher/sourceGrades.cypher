// The stated reliability of each named source (server/services/sourceCuration.ts); a source that states
// none is graded F by the service (contract/grades.ts), and an unknown id is left out.
UNWIND $ids AS wanted
MATCH (s:Source {id: wanted})
RETURN s.id AS id, s.reliability AS reliability
