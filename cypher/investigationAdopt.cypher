// When the server first starts with sign-in (AUTH=on): the investigations of the local user of a server
// without it ('local'), and older ones that have no owner, are handed to the first admin.
MATCH (i:Investigation)
WHERE i.owner IS NULL OR i.owner = 'local'
SET i.owner = $admin
RETURN count(i) AS adopted
