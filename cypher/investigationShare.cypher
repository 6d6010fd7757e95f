// Replaces an investigation's shares (its owner only; the service checks that first, in the same
// transaction): `readers` and `editors` are lists of usernames, '*' meaning everyone signed in, so the
// access rule (investigationVisible) is a list membership test.
MATCH (i:Investigation {id: $id})
SET i.readers = $readers,
    i.editors = $editors
RETURN i
