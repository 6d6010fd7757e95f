// The usernames of a share that name no user ('*', everyone, is not asked about): a share with them is
// refused whole.
UNWIND $usernames AS name
OPTIONAL MATCH (u:User {username: name})
WITH name, u
WHERE u IS NULL
RETURN name
