// Puts an investigation in the bin (it is purged 30 days later, investigationPurge); nothing else changes,
// so undeleting gives it back as it was. No row when there is none, or it is in the bin already.
MATCH (i:Investigation {id: $id})
WHERE i.deletedAt IS NULL
SET i.deletedAt = $now
RETURN i
