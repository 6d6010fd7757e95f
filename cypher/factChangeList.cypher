// A fact's history, oldest first (server/services/history.ts historyOf): every change recorded for the
// subject (a node id, a claim id, all its versions, or a source id) of that kind. Ids sort as they were
// written (the instant, then a random tail), so (at, id) is one order.
MATCH (c:FactChange)
WHERE c.subject = $subject AND c.subjectKind = $subjectKind
RETURN c
ORDER BY c.at, c.id
